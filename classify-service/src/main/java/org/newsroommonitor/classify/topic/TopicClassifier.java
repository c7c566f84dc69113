package org.newsroommonitor.classify.topic;

import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.model.TextFeatures;
import org.newsroommonitor.classify.model.TopicModel;
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
import org.newsroommonitor.messages.TopicEvidence;
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
 * matched once against all of them; then the taxonomy's {@link TopicModel} decides every topic from the text and
 * the matched rules, or, for a taxonomy without a model, every topic is scored from its matched rules alone (see
 * {@link TopicScore}).
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
        NewsAnalyzer analyzer = NewsAnalyzer.forTopics();
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

    /**
     * Classifies an article. The taxonomy's {@link TopicModel} decides every topic it was trained for, from the text
     * and the rules' matches ({@link TopicModel.Decision#assigns}: a matched exclude rule vetoes, and the model needs
     * less certainty where the rules agree); the rules' hits stay the explanation, with the model's strongest
     * features as evidence.
     * A topic the model does not know (a taxonomy without a model, or a topic added since the model was trained) is
     * decided by its rules: assigned when they pass the topic's threshold.
     */
    public Classification classify(ArticleDocument article) {
        Map<String, List<RuleMatch>> byTopic = matchesByTopic(article);
        TopicModel model = taxonomy.model();
        Map<String, TopicModel.Decision> decisions = new HashMap<>();
        Map<String, Double> features = model == null ? Map.of() : features(article, byTopic);
        if (model != null) {
            model.decide(features).forEach(d -> decisions.put(d.topic(), d));
        }
        List<Scored> assigned = new ArrayList<>();
        int order = 0;
        for (TopicDefinition topic : taxonomy.topics()) {
            RuleOutcome outcome = RuleOutcome.of(topic, byTopic.getOrDefault(topic.id(), List.of()));
            TopicModel.Decision decision = decisions.get(topic.id());
            if (decision == null && outcome.assigns()) {
                // no model, or a topic the model was not trained for: the rules decide
                assigned.add(new Scored(topicOf(topic.id(), TopicScore.of(outcome.raw(), topic.threshold()),
                        outcome.positive(), article, null, List.of()), outcome.raw(), order));
            } else if (decision != null && decision.assigns(outcome.assigns(), outcome.excluded())) {
                List<TopicEvidence> evidence = model.evidence(features, topic.id()).stream()
                        .map(e -> new TopicEvidence(e.feature(), Math.round(e.contribution() * 1000) / 1000.0)).toList();
                assigned.add(new Scored(topicOf(topic.id(), Math.round(decision.score() * 100) / 100.0,
                        outcome.positive(), article, Math.round(decision.probability() * 1000) / 1000.0, evidence),
                        decision.probability(), order));
            }
            order++;
        }
        assigned.sort(Comparator.comparingDouble((Scored s) -> s.match.score()).reversed()
                .thenComparing(Comparator.comparingDouble((Scored s) -> s.raw).reversed())
                .thenComparingInt(s -> s.order));
        return new Classification(assigned.stream().map(s -> s.match).toList(), taxonomy.version());
    }

    /**
     * What the topic model reads of an article: its {@link TextFeatures}, one {@link TopicModel#ruleFeature} per
     * matched rule and one {@link TopicModel#rulesAssignFeature} per topic the rules alone would assign. Training
     * uses this very method, so the model is trained on what it sees in service.
     */
    public Map<String, Double> features(ArticleDocument article) {
        return features(article, matchesByTopic(article));
    }

    private Map<String, Double> features(ArticleDocument article, Map<String, List<RuleMatch>> byTopic) {
        Map<String, Double> features = TextFeatures.of(article.value(ArticleField.TITLE),
                article.value(ArticleField.SUMMARY), article.value(ArticleField.TEXT));
        for (TopicDefinition topic : taxonomy.topics()) {
            List<RuleMatch> matches = byTopic.getOrDefault(topic.id(), List.of());
            for (RuleMatch match : matches) {
                features.put(TopicModel.ruleFeature(match.rule().id()), 1.0);
            }
            if (!matches.isEmpty() && RuleOutcome.of(topic, matches).assigns()) {
                features.put(TopicModel.rulesAssignFeature(topic.id()), 1.0);
            }
        }
        return features;
    }

    private Map<String, List<RuleMatch>> matchesByTopic(ArticleDocument article) {
        Map<String, List<RuleMatch>> byTopic = new HashMap<>();
        for (RuleMatch match : monitor.match(article)) {
            byTopic.computeIfAbsent(match.rule().topic(), topic -> new ArrayList<>()).add(match);
        }
        return byTopic;
    }

    /** The topic with the hits of its matched (non-exclude) rules, in field then text order. */
    private static Topic topicOf(String id, double score, List<RuleMatch> positive, ArticleDocument article,
                                 Double probability, List<TopicEvidence> evidence) {
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
        return new Topic(id, score, List.copyOf(matched), hits, probability, evidence);
    }

    /**
     * What a topic's rules say about an article: the raw score (sum of the weights of its matched rules), whether an
     * exclude rule matched, whether a require rule matched, and the matched rules that count.
     */
    private record RuleOutcome(TopicDefinition topic, double raw, boolean excluded, boolean required,
                               List<RuleMatch> positive) {

        static RuleOutcome of(TopicDefinition topic, List<RuleMatch> matches) {
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
            return new RuleOutcome(topic, raw, excluded, required, positive);
        }

        /** Whether the rules alone assign the topic. */
        boolean assigns() {
            return !excluded && raw >= topic.threshold() && (!topic.hasRequireRules() || required);
        }
    }

    @Override
    public void close() {
        monitor.close();
    }

    private record Scored(Topic match, double raw, int order) {
    }
}
