package org.newsroommonitor.classify.topic;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsroommonitor.classify.config.ClassifyConfig;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Loads the taxonomy at start-up (a file that does not load stops the start-up with the loader's message) and,
 * when {@code newsroom.classify.taxonomy-file} is set, checks the file every
 * {@code newsroom.classify.taxonomy-check-interval} and reloads it when its content changed.
 */
@ApplicationScoped
public class TaxonomyWatcher {

    private final TaxonomyReloader reloader;
    private final ClassifyConfig config;
    private final ClassifyMetrics metrics;
    private ScheduledExecutorService executor;

    public TaxonomyWatcher(TaxonomyReloader reloader, ClassifyConfig config, ClassifyMetrics metrics) {
        this.reloader = reloader;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        metrics.watchTaxonomy(reloader);
        if (reloader.file().isEmpty()) {
            return;
        }
        long interval = Math.max(1, config.taxonomyCheckInterval().toMillis());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "taxonomy-watcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Checks the file once; also called by the scheduler. */
    public TaxonomyReloader.Outcome check() {
        try {
            TaxonomyReloader.Outcome outcome = reloader.check();
            switch (outcome) {
                case RELOADED -> {
                    metrics.taxonomyReload(true);
                    TopicClassifier classifier = reloader.current();
                    Log.infof("Taxonomy reloaded from %s: version %s, %d topics, %d rules", reloader.status().source(),
                            classifier.taxonomyVersion(), classifier.taxonomy().topics().size(), classifier.ruleCount());
                }
                case REFUSED -> {
                    metrics.taxonomyReload(false);
                    Log.errorf("Taxonomy change refused, the rules of version %s stay in force: %s",
                            reloader.status().version(), reloader.status().lastError());
                }
                case UNCHANGED -> {
                }
            }
            return outcome;
        } catch (RuntimeException e) {
            Log.errorf(e, "Checking the taxonomy file failed");
            return TaxonomyReloader.Outcome.UNCHANGED;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
