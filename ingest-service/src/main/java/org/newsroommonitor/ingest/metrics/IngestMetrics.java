package org.newsroommonitor.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.ingest.feed.FetchOutcome;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The service's own metrics, in Prometheus form at {@code /q/metrics}:
 * {@code newsroom_ingest_fetches_total{outcome}}, {@code newsroom_ingest_fetch_duration_seconds},
 * {@code newsroom_ingest_articles_published_total} and {@code newsroom_ingest_publish_failures_total}.
 */
@ApplicationScoped
public class IngestMetrics {

    private final Map<FetchOutcome, Counter> fetches = new EnumMap<>(FetchOutcome.class);
    private final Timer fetchDuration;
    private final Counter published;
    private final Counter publishFailures;

    public IngestMetrics(MeterRegistry registry) {
        for (FetchOutcome outcome : FetchOutcome.values()) {
            fetches.put(outcome, Counter.builder("newsroom.ingest.fetches")
                    .description("Feed polls, by how they ended")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        fetchDuration = Timer.builder("newsroom.ingest.fetch.duration")
                .description("Time to download one feed, redirects included")
                .register(registry);
        published = Counter.builder("newsroom.ingest.articles.published")
                .description("Articles (new ones and new revisions) confirmed by Kafka on news.articles")
                .register(registry);
        publishFailures = Counter.builder("newsroom.ingest.publish.failures")
                .description("Articles Kafka did not confirm; they are retried at the next poll")
                .register(registry);
    }

    public void fetched(FetchOutcome outcome, Duration took) {
        fetches.get(outcome).increment();
        fetchDuration.record(took);
    }

    public void parseFailed() {
        fetches.get(FetchOutcome.PARSE_ERROR).increment();
    }

    public void published() {
        published.increment();
    }

    public void publishFailed() {
        publishFailures.increment();
    }
}
