package org.newsroommonitor.ingest.poll;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.config.Durations;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.metrics.IngestMetrics;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.messages.Article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the articles of one poll in batches ({@value #BATCH}, the emitter buffers up to 128) and waits, at most
 * {@code newsroom.ingest.publish-timeout} per batch, for Kafka to confirm each one. Says which were confirmed (only
 * those may be remembered as published) and why the others were not; counts both in the metrics.
 */
@ApplicationScoped
public class ArticleBatchPublisher {

    static final int BATCH = 64;
    private static final Logger LOG = Logger.getLogger(ArticleBatchPublisher.class);

    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Duration timeout;

    public ArticleBatchPublisher(ArticlePublisher publisher, IngestMetrics metrics, IngestConfig config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.timeout = config.publishTimeout();
    }

    /**
     * What came of publishing.
     *
     * @param confirmed  the articles Kafka confirmed
     * @param failed     how many it did not
     * @param firstError why the first of those failed, or {@code null}
     */
    public record Publication(List<Article> confirmed, int failed, String firstError) {

        /** Articles published for the first time. */
        public int created() {
            return (int) confirmed.stream().filter(article -> article.revision() == 1).count();
        }

        /** Articles published as a new revision. */
        public int updated() {
            return confirmed.size() - created();
        }
    }

    public Publication publish(Feed feed, List<Article> articles) {
        List<Article> confirmed = new ArrayList<>();
        int failed = 0;
        String firstError = null;
        for (int from = 0; from < articles.size(); from += BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
            List<CompletableFuture<Void>> acks = batch.stream().map(publisher::publish).toList();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < batch.size(); i++) {
                Article article = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    confirmed.add(article);
                    metrics.published(feed, article.revision() == 1);
                } catch (ExecutionException | TimeoutException e) {
                    failed++;
                    metrics.publishFailed();
                    String error = e instanceof TimeoutException
                            ? "no acknowledgement within " + Durations.human(timeout)
                            : String.valueOf(e.getCause());
                    firstError = firstError == null ? error : firstError;
                    LOG.warnf("Feed %s: article %s (%s) was not published: %s", feed.url(), article.id(),
                            article.url(), error);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Publication(confirmed, failed + batch.size() - i,
                            firstError == null ? "interrupted" : firstError);
                }
            }
        }
        return new Publication(confirmed, failed, firstError);
    }
}
