package org.newsroommonitor.classify.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TaxonomyReloader;
import org.newsroommonitor.messages.Topic;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The service's own metrics (Prometheus names at {@code /q/metrics}):
 * <ul>
 *   <li>{@code newsroom_classify_articles_total}: articles classified and published;</li>
 *   <li>{@code newsroom_classify_topics_total{topic}}: topic tags assigned;</li>
 *   <li>{@code newsroom_classify_entities_total{kind}}: places / organisations found (each once per article);</li>
 *   <li>{@code newsroom_classify_failures_total{reason}}: messages sent to the dead-letter topic;</li>
 *   <li>{@code newsroom_classify_classification_seconds}: time to classify one article;</li>
 *   <li>{@code newsroom_classify_taxonomy_reloads_total{result}}: taxonomy file changes loaded ({@code loaded})
 *       or refused ({@code refused});</li>
 *   <li>{@code newsroom_classify_taxonomy_reload_failing}: 1 while the last change of the taxonomy file was
 *       refused (the previous rules are in force), else 0;</li>
 *   <li>{@code newsroom_classify_taxonomy_rules}: rules in force;</li>
 *   <li>{@code newsroom_classify_subscriptions}: saved searches in force;</li>
 *   <li>{@code newsroom_classify_subscription_updates_total{result}}: {@code news.subscriptions} records
 *       applied ({@code saved}, {@code deleted}) or skipped ({@code refused}: not a subscription of the schema
 *       read here, an id that is not the key, or a query that cannot be used; logged with the reason);</li>
 *   <li>{@code newsroom_classify_alerts_total{kind}}: alerts published ({@code subscription} to news.alerts,
 *       {@code topic} to news.alerts.&lt;topic-id&gt;);</li>
 *   <li>{@code newsroom_classify_alert_failures_total}: alerts the broker did not accept.</li>
 * </ul>
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
    public <T> T time(Supplier<T> classify) {
        return classification.record(classify);
    }

    /** Counts an article classified, and each of its topics. */
    public void classified(Classification result) {
        articles.increment();
        for (Topic topic : result.topics()) {
            Counter.builder("newsroom.classify.topics")
                    .description("Topic tags assigned to articles")
                    .tag("topic", topic.id())
                    .register(registry)
                    .increment();
        }
    }

    /** Counts the places and organisations found in an article. */
    public void entities(Entities entities) {
        entityCounter("place").increment(entities.places().size());
        entityCounter("organisation").increment(entities.organisations().size());
    }

    private Counter entityCounter(String kind) {
        return Counter.builder("newsroom.classify.entities")
                .description("Places and organisations found in articles, each once per article")
                .tag("kind", kind)
                .register(registry);
    }

    /**
     * Counts a message sent to the dead-letter topic; {@code reason}: {@code deserialization} (not an article),
     * {@code empty} (no value), {@code invalid} (no id), {@code classification} (the classifier failed) or
     * {@code alerts} (the broker refused an alert of the article).
     */
    public void failed(String reason) {
        Counter.builder("newsroom.classify.failures")
                .description("Messages sent to the dead-letter topic because they could not be read or classified")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** Registers the gauges of the taxonomy in force. */
    public void watchTaxonomy(TaxonomyReloader reloader) {
        gauge("newsroom.classify.taxonomy.reload.failing",
                "1 while the last change of the taxonomy file was refused (the previous rules stay in force)",
                reloader, r -> r.status() != null && r.status().failing() ? 1 : 0);
        gauge("newsroom.classify.taxonomy.rules", "Taxonomy rules in force", reloader,
                r -> r.current() == null ? 0 : r.current().ruleCount());
    }

    /** Counts a changed taxonomy file, loaded or refused. */
    public void taxonomyReload(boolean loaded) {
        Counter.builder("newsroom.classify.taxonomy.reloads")
                .description("Changes of the taxonomy file, loaded or refused")
                .tag("result", loaded ? "loaded" : "refused")
                .register(registry)
                .increment();
    }

    /** Registers the gauge of the saved searches in force. */
    public <T> void watchSubscriptions(T state, ToDoubleFunction<T> count) {
        gauge("newsroom.classify.subscriptions", "Saved searches in force", state, count);
    }

    /** Counts a news.subscriptions record: {@code saved}, {@code deleted} or {@code refused}. */
    public void subscriptionUpdate(String result) {
        Counter.builder("newsroom.classify.subscription.updates")
                .description("Records of news.subscriptions applied or refused")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** Counts an alert published: {@code subscription} or {@code topic}. */
    public void alert(String kind) {
        Counter.builder("newsroom.classify.alerts")
                .description("Alerts published")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** Counts an alert the broker did not accept. */
    public void alertFailed() {
        Counter.builder("newsroom.classify.alert.failures")
                .description("Alerts that could not be published")
                .register(registry)
                .increment();
    }

    private <T> void gauge(String name, String description, T state, ToDoubleFunction<T> value) {
        Gauge.builder(name, state, value).description(description).strongReference(true).register(registry);
    }
}
