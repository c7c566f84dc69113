package org.newsroommonitor.classify.topic;

import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.rules.ArticleField;
import org.newsroommonitor.classify.rules.CompiledRule;
import org.newsroommonitor.classify.rules.MatchSpan;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.RuleCompiler;
import org.newsroommonitor.classify.rules.RuleMatch;
import org.newsroommonitor.classify.rules.RuleMonitor;
import org.newsroommonitor.classify.taxonomy.RuleDefinition;
import org.newsroommonitor.classify.taxonomy.RuleKind;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.messages.Topic;
import org.newsroommonitor.messages.TopicHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags a text with the topics of a taxonomy. All rules are compiled once into a {@link RuleMonitor}; each text is
 * matched once against all of them, then every topic is scored from its matched rules (see {@link TopicScore}).
 *
 * <p>Immutable and thread-safe; no CDI or Kafka, so it is tested as plain Java. Close it to release the monitor.
 */
public final class TopicClassifier implements AutoCloseable {

    private final Taxonomy taxonomy;
    private final RuleMonitor monitor;

    private TopicClassifier(Taxonomy taxonomy, RuleMonitor monitor) {
        this.taxonomy = taxonomy;
        this.monitor = monitor;
    }

    /**
     * Compiles every rule of the taxonomy and registers it in a new monitor.
     *
     * @throws org.newsroommonitor.classify.taxonomy.TaxonomyException naming the rule when a rule cannot be compiled
     */
    public static TopicClassifier create(Taxonomy taxonomy) {
        NewsAnalyzer analyzer = new NewsAnalyzer();
        RuleCompiler compiler = new RuleCompiler(analyzer);
        List<CompiledRule> compiled = new ArrayList<>();
        for (TopicDefinition topic : taxonomy.topics()) {
            for (RuleDefinition rule : topic.rules()) {
                String ruleId = topic.ruleId(rule);
                try {
                    compiled.add(compiler.compile(topic, rule));
                } catch (TaxonomyException | IllegalArgumentException e) {
                    // the compiler names the rule; add the file and the line
                    String reason = e.getMessage().replaceFirst("^rule '" + java.util.regex.Pattern.quote(ruleId) + "': ", "");
                    throw new TaxonomyException(taxonomy.origin().describeRule(ruleId) + ": " + reason, e);
                }
            }
        }
        RuleMonitor monitor = new RuleMonitor(analyzer);
        try {
            monitor.register(compiled);
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
        return new TopicClassifier(taxonomy, monitor);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String taxonomyVersion() {
        return taxonomy.version();
    }

    /** Number of rules (monitor queries) registered. */
    public int ruleCount() {
        return monitor.ruleCount();
    }

    /** Classifies a text; any of the fields may be null or empty. */
    public Classification classify(String title, String summary, String text) {
        return classify(new ArticleDocument(title, summary, text));
    }

    /** Classifies an article. */
    public Classification classify(ArticleDocument article) {
        Map<String, List<RuleMatch>> byTopic = new HashMap<>();
        for (RuleMatch match : monitor.match(article)) {
            byTopic.computeIfAbsent(match.rule().topic(), topic -> new ArrayList<>()).add(match);
        }
        List<Scored> assigned = new ArrayList<>();
        int order = 0;
        for (TopicDefinition topic : taxonomy.topics()) {
            List<RuleMatch> matches = byTopic.getOrDefault(topic.id(), List.of());
            Scored scored = score(topic, matches, article, order++);
            if (scored != null) {
                assigned.add(scored);
            }
        }
        assigned.sort(Comparator.comparingDouble((Scored s) -> s.match.score()).reversed()
                .thenComparing(Comparator.comparingDouble((Scored s) -> s.raw).reversed())
                .thenComparingInt(s -> s.order));
        return new Classification(assigned.stream().map(s -> s.match).toList(), taxonomy.version());
    }

    private static Scored score(TopicDefinition topic, List<RuleMatch> matches, ArticleDocument article, int order) {
        double raw = 0;
        boolean excluded = false;
        boolean required = false;
        List<RuleMatch> positive = new ArrayList<>();
        for (RuleMatch match : matches) {
            RuleKind kind = match.rule().kind();
            if (kind == RuleKind.EXCLUDE) {
                excluded = true;
                continue;
            }
            if (kind == RuleKind.REQUIRE) {
                required = true;
            }
            raw += match.rule().weight();
            positive.add(match);
        }
        if (excluded || raw < topic.threshold() || (topic.hasRequireRules() && !required)) {
            return null;
        }
        List<TopicHit> hits = new ArrayList<>();
        for (RuleMatch match : positive) {
            for (MatchSpan span : match.spans()) {
                String value = article.value(span.field());
                hits.add(new TopicHit(match.rule().id(), value.substring(span.start(), span.end()),
                        span.field().fieldName(), span.start(), span.end()));
            }
        }
        hits.sort(Comparator.comparing((TopicHit hit) -> ArticleField.of(hit.field()))
                .thenComparingInt(TopicHit::start)
                .thenComparingInt(TopicHit::end)
                .thenComparing(TopicHit::rule));
        Set<String> matched = new LinkedHashSet<>();
        for (TopicHit hit : hits) {
            matched.add(hit.term());
        }
        Topic match = new Topic(topic.id(), TopicScore.of(raw, topic.threshold()), List.copyOf(matched), hits);
        return new Scored(match, raw, order);
    }

    @Override
    public void close() {
        monitor.close();
    }

    private record Scored(Topic match, double raw, int order) {
    }
}
