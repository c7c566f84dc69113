package org.newsroommonitor.classify.bench;

import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.Topic;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * {@link #topics} measures step 1 alone. Three workloads ({@link #workload}):
 * <ul>
 *   <li>{@code synthetic}: ~60-word title + summary and ~300-word text generated from a vocabulary
 *       ({@link SyntheticNews}), 1,000 distinct articles cycled; saved searches from the same vocabulary, which
 *       match far more often than real ones;</li>
 *   <li>{@code feeds}: the items of real feeds ({@link FeedArticles}, read from the shared corpora by path: system
 *       property {@code corpora}, default {@code ../shared/corpora} from the project root or the module; the
 *       workload fails with a message when they are absent) and saved searches as editors write them, from those articles' words, with topic and place
 *       filters ({@link EditorSearches}); each matches well under 1% of the articles;</li>
 *   <li>{@code crisis}: 1,000 articles about humanitarian crises made of the project's labelled evaluation texts
 *       ({@link CrisisArticles}; system property {@code eval}, default {@code classify-service/src/test/resources/eval}),
 *       and saved searches as for {@code feeds}, from those articles' words.</li>
 * </ul>
 * Saved searches are registered at once ({@link SubscriptionMatcher#putAll}).
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

    @Param({"synthetic", "feeds", "crisis"})
    public String workload;

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
        Instant created = Instant.parse("2026-11-23T00:00:00Z");
        List<Subscription> saved = new ArrayList<>(savedSearches);
        if (workload.equals("feeds") || workload.equals("crisis")) {
            List<SyntheticNews.Article> feed = workload.equals("feeds")
                    ? FeedArticles.load(shared("corpora"), shared("seeds"))
                    : CrisisArticles.load(evalTexts(), ARTICLES);
            articles = feed.toArray(SyntheticNews.Article[]::new);
            EditorSearches searches = new EditorSearches(42, feed,
                    classifier.taxonomy().topics().stream().map(t -> t.id()).toList(),
                    extractor.gazetteer().places().stream().map(p -> p.id()).toList());
            for (int i = 0; i < savedSearches; i++) {
                EditorSearches.Search search = searches.next();
                saved.add(Subscription.of("saved-" + i, "saved search " + i, search.query(), search.topics(),
                        search.places(), "bench", created, created));
            }
        } else {
            SyntheticNews news = new SyntheticNews(42);
            for (int i = 0; i < savedSearches; i++) {
                saved.add(Subscription.of("saved-" + i, "saved search " + i, news.savedSearch(), null, null,
                        "bench", created, created));
            }
            articles = new SyntheticNews.Article[ARTICLES];
            for (int i = 0; i < ARTICLES; i++) {
                articles[i] = news.article();
            }
        }
        subscriptions.putAll(saved);
    }

    /**
     * The shared folder {@code name}: system property {@code name}, else {@code ../shared/name} from the project root
     * or {@code ../../shared/name} from the module (where Maven runs JMH).
     */
    private static Path shared(String name) {
        String property = System.getProperty(name);
        if (property != null) {
            return Path.of(property);
        }
        Path fromRoot = Path.of("..", "shared", name);
        Path fromModule = Path.of("..", "..", "shared", name);
        return java.nio.file.Files.isDirectory(fromRoot) || !java.nio.file.Files.isDirectory(fromModule) ? fromRoot
                : fromModule;
    }

    /**
     * The labelled evaluation texts: system property {@code eval}, else {@code classify-service/src/test/resources/eval}
     * from the project root or {@code src/test/resources/eval} from the module.
     */
    private static Path evalTexts() {
        String property = System.getProperty("eval");
        if (property != null) {
            return Path.of(property);
        }
        Path fromRoot = Path.of("classify-service", "src", "test", "resources", "eval");
        return java.nio.file.Files.isDirectory(fromRoot) ? fromRoot : Path.of("src", "test", "resources", "eval");
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
        ArticleDocument text = new ArticleDocument(article.title(), article.summary(), article.text());
        Classification classification = classifier.classify(text);
        Entities entities = extractor.extract(text);
        Set<String> topics = classification.topics().stream().map(Topic::id).collect(Collectors.toSet());
        Set<String> places = entities.places().stream().map(Place::id).collect(Collectors.toSet());
        blackhole.consume(classification);
        blackhole.consume(entities);
        blackhole.consume(subscriptions.match(text, topics, places));
    }

    /** Topics only (the taxonomy alone); does not depend on the number of saved searches. */
    @Benchmark
    public Classification topics() {
        SyntheticNews.Article article = nextArticle();
        return classifier.classify(article.title(), article.summary(), article.text());
    }

    /**
     * How often the saved searches match, over all articles, as in production (with the article's topics and places
     * for the filters); for reporting the workload.
     */
    String describeWorkload() {
        long matched = 0;
        long words = 0;
        Set<String> matching = new HashSet<>();
        for (SyntheticNews.Article article : articles) {
            words += count(article.title()) + count(article.summary()) + count(article.text());
            Classification classification = classifier.classify(article.title(), article.summary(), article.text());
            Entities entities = extractor.extract(article.title(), article.summary(), article.text());
            var matches = subscriptions.match(article.title(), article.summary(), article.text(),
                    classification.topics().stream().map(Topic::id).collect(Collectors.toSet()),
                    entities.places().stream().map(Place::id).collect(Collectors.toSet()));
            matched += matches.size();
            matches.forEach(m -> matching.add(m.subscription().id()));
        }
        double perArticle = matched / (double) articles.length;
        return String.format(Locale.ROOT, "%s, %d articles of %.0f words on average; %d saved searches: %.2f matched "
                        + "per article (a saved search matches %.3f%% of the articles on average), %d of them match "
                        + "at least one article", workload, articles.length, words / (double) articles.length,
                savedSearches, perArticle, savedSearches == 0 ? 0.0 : 100.0 * perArticle / savedSearches,
                matching.size());
    }

    private static int count(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    SyntheticNews.Article[] articles() {
        return articles;
    }

    TopicClassifier classifier() {
        return classifier;
    }

    EntityExtractor extractor() {
        return extractor;
    }

    SubscriptionMatcher subscriptions() {
        return subscriptions;
    }

    private SyntheticNews.Article nextArticle() {
        SyntheticNews.Article article = articles[next];
        next = (next + 1) % articles.length;
        return article;
    }
}
