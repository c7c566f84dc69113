package org.newsroommonitor.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

import java.time.Duration;

/**
 * Settings of search-service under {@code newsroom.search}. Every one can be overridden by an environment
 * variable, e.g. {@code NEWSROOM_SEARCH_INDEX_REPLICAS=0}.
 */
@ConfigMapping(prefix = "newsroom.search")
public interface SearchConfig {

    Index index();

    Indexing indexing();

    Api api();

    Subscriptions subscriptions();

    interface Subscriptions {
        /** Most saved searches one owner may have; one more is refused with 409. */
        @WithDefault("100")
        int maxPerOwner();
    }

    /** How the replicas share {@code news.classified} in the consumer group {@code search-service}. */
    ConsumerGroupConfig consumerGroup();

    interface Index {
        /** Alias every read and write goes through; a later mapping version re-points it. */
        @WithDefault("news-articles")
        String alias();

        /** Concrete, versioned index created behind the alias when the alias is missing. */
        @WithDefault("news-articles-v1")
        String name();

        /**
         * Analyzer of the full-text fields of a new index: {@code auto} (english when the cluster has the
         * analysis-common module, otherwise standard), {@code english} or {@code standard}.
         */
        @WithDefault("auto")
        String analyzer();

        /** Primary shards of a new index. */
        @WithDefault("1")
        int shards();

        /** Replicas of a new index. */
        @WithDefault("1")
        int replicas();

        /**
         * First wait between attempts to create the index while Elasticsearch does not answer; doubles up to
         * {@link #initBackoffMax()}. The attempts go on until Elasticsearch answers.
         */
        @WithDefault("1s")
        Duration initBackoff();

        /** Longest wait between attempts to create the index. */
        @WithDefault("30s")
        Duration initBackoffMax();
    }

    interface Indexing {
        /**
         * Attempts of one bulk request (the failed items only after the first) for transient failures
         * (Elasticsearch down, 429, 5xx) before the batch is not acknowledged and the channel fails.
         */
        @WithDefault("20")
        int maxAttempts();

        /** First wait between attempts of a bulk request; doubles up to {@link #backoffMax()}. */
        @WithDefault("500ms")
        Duration backoff();

        /** Longest wait between attempts of a bulk request. */
        @WithDefault("30s")
        Duration backoffMax();
    }

    interface Api {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();

        /** Longest accepted {@code q}, in characters; longer queries get 400. */
        @WithDefault("1000")
        int maxQueryLength();

        /** Values per facet (topics, places, organisations, sources, languages), most articles first. */
        @WithDefault("20")
        int facetSize();

        /** Most buckets of the date histogram with {@code interval=auto}. */
        @WithDefault("30")
        int histogramBuckets();

        /** Default and largest number of similar articles ({@code /api/articles/{id}/similar?size=}). */
        @WithDefault("5")
        int similarSize();

        @WithDefault("20")
        int maxSimilarSize();
    }
}
