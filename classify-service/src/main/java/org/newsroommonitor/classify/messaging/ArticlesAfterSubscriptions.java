package org.newsroommonitor.classify.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsroommonitor.classify.config.ClassifyConfig;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.subscription.SubscriptionsLoad;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the articles until the saved searches of {@code news.subscriptions} are in force: the articles
 * channel starts paused ({@code mp.messaging.incoming.articles.pausable.initially-paused=true}) and is resumed when
 * the {@link SubscriptionsLoad} is complete, so that no article is classified without the saved searches it could
 * alert. After {@code newsroom.classify.subscriptions-load-timeout} it is resumed anyway, with an error in the log,
 * so that a subscriptions topic that cannot be read to its end does not stop classification.
 */
@ApplicationScoped
public class ArticlesAfterSubscriptions {

    private final ChannelRegistry channels;
    private final SubscriptionsLoad load;
    private final SubscriptionMatcher subscriptions;
    private final ClassifyConfig config;
    private ScheduledExecutorService timer;

    public ArticlesAfterSubscriptions(ChannelRegistry channels, SubscriptionsLoad load,
                                      SubscriptionMatcher subscriptions, ClassifyConfig config) {
        this.channels = channels;
        this.load = load;
        this.subscriptions = subscriptions;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "subscriptions-load-timeout");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> {
            if (load.giveUp()) {
                Log.errorf("The saved searches of news.subscriptions were not all read after %s (%d records read, %d "
                                + "saved searches in force); classifying articles anyway", config.subscriptionsLoadTimeout(),
                        load.recordsApplied(), subscriptions.size());
            }
        }, Math.max(1, config.subscriptionsLoadTimeout().toMillis()), TimeUnit.MILLISECONDS);
        load.whenDone(this::resumeArticles);
    }

    private void resumeArticles() {
        if (load.state() == SubscriptionsLoad.State.LOADED) {
            Log.infof("%d saved searches in force after %d ms (%d records read); classifying articles",
                    subscriptions.size(), load.duration().toMillis(), load.recordsApplied());
        }
        PausableChannel articles = channels.getPausable(ArticleConsumer.CHANNEL);
        if (articles == null) {
            Log.warnf("The %s channel is not pausable; articles were not held back", ArticleConsumer.CHANNEL);
            return;
        }
        articles.resume();
        timer.shutdown();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
