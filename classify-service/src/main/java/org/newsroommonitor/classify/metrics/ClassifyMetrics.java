package org.newsroommonitor.classify.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicMatch;

import java.util.function.Supplier;

/**
 * The service's own metrics (Prometheus names at {@code /q/metrics}):
 * {@code newsroom_classify_articles_total} (articles classified and published),
 * {@code newsroom_classify_topics_total{topic}} (topic tags assigned),
 * {@code newsroom_classify_failures_total{reason}} (messages sent to the dead-letter topic) and
 * {@code newsroom_classify_classification_seconds} (time to classify one article).
 */
@ApplicationScoped
public class ClassifyMetrics {

    private final MeterRegistry registry;
    private final Counter articles;
    private final Timer classification;

    public ClassifyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder("newsroom.classify.articles")
                .description("Articles classified and published to news.classified")
                .register(registry);
        this.classification = Timer.builder("newsroom.classify.classification")
                .description("Time to classify one article")
                .register(registry);
    }

    /** Runs a classification, timing it. */
    public Classification time(Supplier<Classification> classify) {
        return classification.record(classify);
    }

    /** Counts an article classified, and each of its topics. */
    public void classified(Classification result) {
        articles.increment();
        for (TopicMatch topic : result.topics()) {
            Counter.builder("newsroom.classify.topics")
                    .description("Topic tags assigned to articles")
                    .tag("topic", topic.id())
                    .register(registry)
                    .increment();
        }
    }

    /**
     * Counts a message sent to the dead-letter topic; {@code reason}: {@code deserialization} (not an article),
     * {@code empty} (no value), {@code invalid} (no id) or {@code classification} (the classifier failed).
     */
    public void failed(String reason) {
        Counter.builder("newsroom.classify.failures")
                .description("Messages sent to the dead-letter topic because they could not be read or classified")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
