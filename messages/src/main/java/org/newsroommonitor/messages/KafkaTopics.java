package org.newsroommonitor.messages;

/**
 * The Kafka topics of the pipeline, named once. Partitions and retention are declared in
 * {@code deploy/k8s/base/kafka/topics.yaml}; the message on each is described in {@code docs/messages.md}.
 */
public final class KafkaTopics {

    /** {@link Article}s, keyed by article id; written by ingest-service. */
    public static final String ARTICLES = "news.articles";
    /** {@link ClassifiedArticle}s, keyed by article id; written by classify-service. */
    public static final String CLASSIFIED = "news.classified";
    /** {@link Subscription}s (compacted), keyed by subscription id; written by search-service. */
    public static final String SUBSCRIPTIONS = "news.subscriptions";
    /** {@link Alert}s of saved searches, keyed by subscription id; written by classify-service. */
    public static final String ALERTS = "news.alerts";
    /** Prefix of the per-topic alert topics, {@code news.alerts.<topic-id>}, keyed by article id. */
    public static final String TOPIC_ALERTS_PREFIX = "news.alerts.";
    /** Suffix of a dead-letter topic: {@code news.articles.dlq} holds what classify-service could not use. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private KafkaTopics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
