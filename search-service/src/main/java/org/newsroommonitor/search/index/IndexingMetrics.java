package org.newsroommonitor.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters of the indexing pipeline, exported as {@code newsroom_search_indexed_total{result}} and
 * {@code newsroom_search_index_failures_total{reason}}.
 */
@ApplicationScoped
public class IndexingMetrics {

    public static final String INDEXED = "newsroom.search.indexed";
    public static final String FAILURES = "newsroom.search.index.failures";

    private final Counter created;
    private final Counter updated;
    private final Counter stale;
    private final Counter transientFailures;
    private final Counter rejected;
    private final Counter unreadable;

    public IndexingMetrics(MeterRegistry registry) {
        created = indexed(registry, "created");
        updated = indexed(registry, "updated");
        stale = indexed(registry, "stale");
        transientFailures = failures(registry, "transient");
        rejected = failures(registry, "rejected");
        unreadable = failures(registry, "unreadable");
    }

    private static Counter indexed(MeterRegistry registry, String result) {
        return Counter.builder(INDEXED)
                .description("Classified articles written to the search index (stale = an older revision, skipped)")
                .tag("result", result)
                .register(registry);
    }

    private static Counter failures(MeterRegistry registry, String reason) {
        return Counter.builder(FAILURES)
                .description("Classified articles not indexed: transient (retried), rejected by Elasticsearch or "
                        + "unreadable (both dead-lettered)")
                .tag("reason", reason)
                .register(registry);
    }

    void created(int n) {
        created.increment(n);
    }

    void updated(int n) {
        updated.increment(n);
    }

    void stale(int n) {
        stale.increment(n);
    }

    void transientFailures(int n) {
        transientFailures.increment(n);
    }

    public void rejected(int n) {
        rejected.increment(n);
    }

    public void unreadable(int n) {
        unreadable.increment(n);
    }
}
