package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newsroommonitor.search.index.ArticleIndex;

import java.time.Duration;
import java.time.Instant;

/**
 * The oldest and newest {@code published} of the index (a min/max aggregation), cached for a minute: the range the
 * automatic histogram interval is chosen over when from/to leave it open.
 */
@ApplicationScoped
public class PublishedRange {

    private static final Logger LOG = Logger.getLogger(PublishedRange.class);
    private static final Duration TTL = Duration.ofSeconds(60);

    private record Range(Instant oldest, Instant newest, Instant fetched) {
    }

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private volatile Range cached;

    public PublishedRange(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public Instant oldest() {
        Range range = current();
        return range == null ? null : range.oldest();
    }

    public Instant newest() {
        Range range = current();
        return range == null ? null : range.newest();
    }

    private Range current() {
        Range range = cached;
        if (range != null && range.fetched().plus(TTL).isAfter(Instant.now())) {
            return range;
        }
        try {
            var response = client.search(s -> s.index(index.alias()).size(0).trackTotalHits(t -> t.enabled(false))
                    .aggregations("oldest", a -> a.min(m -> m.field("published")))
                    .aggregations("newest", a -> a.max(m -> m.field("published"))), Void.class);
            range = new Range(instant(response.aggregations().get("oldest")),
                    instant(response.aggregations().get("newest")), Instant.now());
            cached = range;
            return range;
        } catch (Exception e) {
            LOG.debugf("Cannot read the published range: %s", e.toString());
            return range;
        }
    }

    private static Instant instant(Aggregate aggregate) {
        Double value = aggregate == null ? null
                : aggregate.isMin() ? aggregate.min().value() : aggregate.isMax() ? aggregate.max().value() : null;
        return value == null || value.isNaN() || value.isInfinite() ? null : Instant.ofEpochMilli(value.longValue());
    }
}
