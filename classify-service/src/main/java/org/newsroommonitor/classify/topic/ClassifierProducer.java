package org.newsroommonitor.classify.topic;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.newsroommonitor.classify.config.ClassifyConfig;

import java.time.Clock;

/** Builds the one {@link TaxonomyReloader} of the service, which holds the classifier in force. */
@ApplicationScoped
public class ClassifierProducer {

    private final ClassifyConfig config;
    private final Clock clock;

    public ClassifierProducer(ClassifyConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Produces
    @ApplicationScoped
    TaxonomyReloader reloader() {
        TaxonomyReloader reloader = TaxonomyReloader.start(config.taxonomyFile(), clock);
        TopicClassifier classifier = reloader.current();
        Log.infof("Taxonomy %s loaded from %s: %d topics, %d rules%s", classifier.taxonomyVersion(),
                reloader.status().source(), classifier.taxonomy().topics().size(), classifier.ruleCount(),
                config.taxonomyFile().isPresent() ? "; checked for changes every " + config.taxonomyCheckInterval() : "");
        return reloader;
    }

    void close(@Disposes TaxonomyReloader reloader) {
        reloader.close();
    }
}
