package org.newsroommonitor.classify.rules;

import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.taxonomy.RuleKind;

import java.util.Map;

/**
 * A taxonomy rule compiled into one Lucene query.
 *
 * @param id          rule id, {@code <topic>.<name>}; also the id of its {@link MonitorQuery}
 * @param topic       the topic the rule belongs to
 * @param kind        what a match does for the topic
 * @param weight      the rule's weight
 * @param query       the query, over the one field of {@link org.newsroommonitor.classify.rules.ArticleDocument}
 * @param spanGap     matched words of one match may be this many words apart (0 for terms, {@code within} for
 *                    proximity rules); used to join the per-word highlights back into one hit
 * @param description a readable form of the rule, stored as the monitor query's query string
 */
public record CompiledRule(String id, String topic, RuleKind kind, double weight, Query query, int spanGap,
                           String description) {

    /** Metadata key holding the topic id. */
    public static final String TOPIC = "topic";
    /** Metadata key holding the rule kind. */
    public static final String KIND = "kind";

    public MonitorQuery toMonitorQuery() {
        return new MonitorQuery(id, query, description, Map.of(TOPIC, topic, KIND, kind.yamlName()));
    }
}
