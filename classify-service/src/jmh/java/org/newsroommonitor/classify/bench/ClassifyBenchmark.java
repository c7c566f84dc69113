package org.newsroommonitor.classify.bench;

import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.rules.CompiledRule;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.RuleCompiler;
import org.newsroommonitor.classify.rules.RuleMatch;
import org.newsroommonitor.classify.rules.RuleMonitor;
import org.newsroommonitor.classify.taxonomy.RuleKind;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Articles per second on one thread: every article is matched once against the full bundled taxonomy and N saved
 * searches, all stored queries of ONE Lucene Monitor (through {@link RuleMonitor}, with HighlightsMatch, as the
 * service does for the rules), then the topics are scored as TopicClassifier does (sum of the weights of the
 * distinct matched rules, excludes, threshold).
 *
 * <p>Saved searches are synthetic queries in the editor syntax (words, "phrases", OR, prefix*), parsed with
 * Lucene's SimpleQueryParser over title/summary/text with AND as the default operator. Articles: ~60-word
 * title + summary and ~300-word text generated from a vocabulary ({@link SyntheticNews}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ClassifyBenchmark {

    static final String SAVED_SEARCH_TOPIC = "saved-search";
    private static final int ARTICLES = 1000;

    @Param({"0", "1000", "10000"})
    public int savedSearches;

    private Taxonomy taxonomy;
    private RuleMonitor monitor;
    private SyntheticNews.Article[] articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        taxonomy = new TaxonomyLoader().loadBundled();
        NewsAnalyzer analyzer = new NewsAnalyzer();
        RuleCompiler compiler = new RuleCompiler(analyzer);
        List<CompiledRule> rules = new ArrayList<>();
        for (TopicDefinition topic : taxonomy.topics()) {
            rules.addAll(compiler.compile(topic));
        }
        SyntheticNews news = new SyntheticNews(42);
        rules.addAll(savedSearches(news, savedSearches, analyzer));
        monitor = new RuleMonitor(analyzer);
        monitor.register(rules);
        articles = new SyntheticNews.Article[ARTICLES];
        for (int i = 0; i < ARTICLES; i++) {
            articles[i] = news.article();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        monitor.close();
    }

    /** One article: match against every stored query, then score the topics. */
    @Benchmark
    public void classifyArticle(Blackhole blackhole) {
        SyntheticNews.Article article = articles[next];
        next = (next + 1) % ARTICLES;
        List<RuleMatch> matches = monitor.match(article.title(), article.summary(), article.text());
        blackhole.consume(score(matches));
    }

    /** Saved searches as stored queries of the monitor (topic {@value #SAVED_SEARCH_TOPIC}). */
    static List<CompiledRule> savedSearches(SyntheticNews news, int count, NewsAnalyzer analyzer) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 1f, "summary", 1f, "text", 1f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        List<CompiledRule> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String editorQuery = news.savedSearch();
            Query query = parser.parse(editorQuery.replace(" OR ", " | "));
            searches.add(new CompiledRule("saved." + i, SAVED_SEARCH_TOPIC, RuleKind.TERMS, 1.0, query, 0, editorQuery));
        }
        return searches;
    }

    /** Topic scoring as in TopicClassifier; returns the assigned topics and the number of saved-search alerts. */
    private Map<String, Double> score(List<RuleMatch> matches) {
        Map<String, Double> raw = new HashMap<>();
        Map<String, Boolean> excluded = new HashMap<>();
        int alerts = 0;
        for (RuleMatch match : matches) {
            CompiledRule rule = match.rule();
            if (SAVED_SEARCH_TOPIC.equals(rule.topic())) {
                alerts++;
            } else if (rule.kind() == RuleKind.EXCLUDE) {
                excluded.put(rule.topic(), true);
            } else {
                raw.merge(rule.topic(), rule.weight(), Double::sum);
            }
        }
        Map<String, Double> assigned = new HashMap<>();
        for (TopicDefinition topic : taxonomy.topics()) {
            double value = raw.getOrDefault(topic.id(), 0.0);
            if (value >= topic.threshold() && !excluded.containsKey(topic.id())) {
                assigned.put(topic.id(), 1.0 - Math.pow(2.0, -value / topic.threshold()));
            }
        }
        assigned.put("alerts", (double) alerts);
        return assigned;
    }
}
