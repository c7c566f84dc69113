package org.newsroommonitor.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.ingest.fetch.FetchOutcome;
import org.newsroommonitor.ingest.registry.Feed;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The service's own metrics, in Prometheus form at {@code /q/metrics}. In total:
 * {@code newsroom_ingest_fetches_total{outcome}}, {@code newsroom_ingest_fetch_duration_seconds},
 * {@code newsroom_ingest_fetch_bytes_total}, {@code newsroom_ingest_articles_published_total},
 * {@code newsroom_ingest_articles_new_total} and {@code newsroom_ingest_publish_failures_total}; per feed (tags
 * {@code feed} = feed id and {@code url}): {@code newsroom_ingest_feed_fetches_total{outcome}},
 * {@code newsroom_ingest_feed_fetch_duration_seconds}, {@code newsroom_ingest_feed_fetch_bytes_total} and
 * {@code newsroom_ingest_feed_articles_total{kind=new|updated}}.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<FetchOutcome, Counter> fetches = new EnumMap<>(FetchOutcome.class);
    private final Timer fetchDuration;
    private final Counter bytes;
    private final Counter published;
    private final Counter created;
    private final Counter publishFailures;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (FetchOutcome outcome : FetchOutcome.values()) {
            fetches.put(outcome, Counter.builder("newsroom.ingest.fetches")
                    .description("Feed polls, by how they ended")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        fetchDuration = Timer.builder("newsroom.ingest.fetch.duration")
                .description("Time to download one feed, redirects included")
                .register(registry);
        bytes = Counter.builder("newsroom.ingest.fetch.bytes")
                .description("Feed bytes downloaded (decoded)")
                .baseUnit("bytes")
                .register(registry);
        published = Counter.builder("newsroom.ingest.articles.published")
                .description("Articles (new ones and new revisions) confirmed by Kafka on news.articles")
                .register(registry);
        created = Counter.builder("newsroom.ingest.articles.new")
                .description("Articles published for the first time")
                .register(registry);
        publishFailures = Counter.builder("newsroom.ingest.publish.failures")
                .description("Articles Kafka did not confirm; they are retried at the next poll")
                .register(registry);
    }

    public void fetched(Feed feed, FetchOutcome outcome, Duration took, long bodyBytes) {
        fetches.get(outcome).increment();
        fetchDuration.record(took);
        bytes.increment(bodyBytes);
        Counter.builder("newsroom.ingest.feed.fetches").description("Polls of one feed, by how they ended")
                .tag("feed", feed.id()).tag("url", feed.url()).tag("outcome", outcome.tag())
                .register(registry).increment();
        Timer.builder("newsroom.ingest.feed.fetch.duration").description("Time to download one feed")
                .tag("feed", feed.id()).tag("url", feed.url())
                .register(registry).record(took);
        Counter.builder("newsroom.ingest.feed.fetch.bytes").description("Bytes downloaded from one feed")
                .baseUnit("bytes").tag("feed", feed.id()).tag("url", feed.url())
                .register(registry).increment(bodyBytes);
    }

    public void published(Feed feed, boolean isNew) {
        published.increment();
        if (isNew) {
            created.increment();
        }
        Counter.builder("newsroom.ingest.feed.articles").description("Articles published from one feed")
                .tag("feed", feed.id()).tag("url", feed.url()).tag("kind", isNew ? "new" : "updated")
                .register(registry).increment();
    }

    /** Entries of one poll merged into an earlier entry of the feed with the same article id. */
    public void merged(Feed feed, int entries) {
        Counter.builder("newsroom.ingest.feed.entries.merged")
                .description("Entries merged into an earlier entry of the same feed with the same article id")
                .tag("feed", feed.id()).tag("url", feed.url())
                .register(registry).increment(entries);
    }

    public void publishFailed() {
        publishFailures.increment();
    }
}
