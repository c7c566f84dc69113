package org.newsroommonitor.classify.bench;

import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.gazetteer.PlaceMention;
import org.newsroommonitor.classify.subscription.Subscription;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.classify.topic.TopicMatch;
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

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Articles per second on one thread, on the production path of {@code ArticleConsumer} (without Kafka and JSON):
 * <ol>
 *   <li>topics: {@link TopicClassifier#classify} with the full bundled taxonomy (its own Monitor);</li>
 *   <li>places and organisations: {@link EntityExtractor#extract} with the bundled gazetteer (its own Monitor);</li>
 *   <li>saved searches: {@link SubscriptionMatcher#match} with N saved searches (their own Monitor, registered with
 *       {@link SubscriptionMatcher#put} from synthetic queries in the search API's q syntax), with the article's
 *       topics and places for the filters.</li>
 * </ol>
 * {@link #topics} measures step 1 alone. Articles: ~60-word title + summary and ~300-word text generated from a
 * vocabulary ({@link SyntheticNews}), 1,000 distinct articles cycled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ClassifyBenchmark {

    private static final int ARTICLES = 1000;

    @Param({"0", "1000", "10000"})
    public int savedSearches;

    private TopicClassifier classifier;
    private EntityExtractor extractor;
    private SubscriptionMatcher subscriptions;
    private SyntheticNews.Article[] articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = TopicClassifier.create(new TaxonomyLoader().loadBundled());
        extractor = EntityExtractor.create(new GazetteerLoader().loadBundled());
        subscriptions = new SubscriptionMatcher();
        SyntheticNews news = new SyntheticNews(42);
        Instant created = Instant.parse("2026-11-23T00:00:00Z");
        for (int i = 0; i < savedSearches; i++) {
            subscriptions.put(new Subscription("saved-" + i, "saved search " + i, news.savedSearch(), null, null,
                    "bench", created, created));
        }
        articles = new SyntheticNews.Article[ARTICLES];
        for (int i = 0; i < ARTICLES; i++) {
            articles[i] = news.article();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        classifier.close();
        extractor.close();
        subscriptions.close();
    }

    /** One article as ArticleConsumer handles it: topics, places and organisations, saved searches. */
    @Benchmark
    public void article(Blackhole blackhole) {
        SyntheticNews.Article article = nextArticle();
        Classification classification = classifier.classify(article.title(), article.summary(), article.text());
        Entities entities = extractor.extract(article.title(), article.summary(), article.text());
        Set<String> topics = classification.topics().stream().map(TopicMatch::id).collect(Collectors.toSet());
        Set<String> places = entities.places().stream().map(PlaceMention::id).collect(Collectors.toSet());
        blackhole.consume(classification);
        blackhole.consume(entities);
        blackhole.consume(subscriptions.match(article.title(), article.summary(), article.text(), topics, places));
    }

    /** Topics only (the taxonomy alone); does not depend on the number of saved searches. */
    @Benchmark
    public Classification topics() {
        SyntheticNews.Article article = nextArticle();
        return classifier.classify(article.title(), article.summary(), article.text());
    }

    /** Average number of saved searches an article matches (over all articles); for reporting the workload. */
    double averageSavedSearchMatches() {
        long matched = 0;
        for (SyntheticNews.Article article : articles) {
            matched += subscriptions.match(article.title(), article.summary(), article.text(), Set.of(), Set.of()).size();
        }
        return matched / (double) articles.length;
    }

    private SyntheticNews.Article nextArticle() {
        SyntheticNews.Article article = articles[next];
        next = (next + 1) % ARTICLES;
        return article;
    }
}
