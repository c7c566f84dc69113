package org.newsroommonitor.search.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.search.api.HistogramInterval;
import org.newsroommonitor.search.api.SearchParams;
import org.newsroommonitor.search.api.SearchQueryBuilder;
import org.newsroommonitor.search.index.ArticleIndexMapping;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads synthetic articles into a real Elasticsearch node and measures the latency of a typical editor search
 * (query + filters + highlight + facets + histogram, built by {@link SearchQueryBuilder} exactly as the API builds
 * it) at a fixed rate, open loop (latency counted from the scheduled send time), while ingest continues.
 *
 * <p>Not part of the test run: {@code mvn -B -pl search-service -Pbenchmark test-compile exec:java}
 * ({@code -Dbenchmark.docs=1000000 -Dbenchmark.qps=10 -Dbenchmark.seconds=60 -Dbenchmark.es=host:port}; without
 * {@code benchmark.es} it starts the test node of the local stack).
 */
public final class SearchBenchmark {

    static final String INDEX = "bench-articles";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] TOPICS = {"humanitarian-aid", "blockade", "food-security", "displacement", "health",
            "armed-conflict", "detention", "diplomacy"};
    static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "ru", "fr", "hy", "de"};
    static final String[] DOMAIN = {"aid", "convoy", "trucks", "blockade", "corridor", "Lachin", "Stepanakert",
            "Aghdam", "bread", "flour", "rationing", "fuel", "medicine", "insulin", "hospital", "checkpoint",
            "humanitarian", "Red", "Cross", "refugees", "border", "shortage", "electricity", "gas", "negotiations",
            "ceasefire", "shelling", "evacuation", "villages", "residents", "families", "queue", "pharmacy"};

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("benchmark.docs", 1_000_000);
        int qps = Integer.getInteger("benchmark.qps", 10);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int ingestPerSecond = Integer.getInteger("benchmark.ingest", 200);
        int loaders = Integer.getInteger("benchmark.loaders", 3);
        String es = System.getProperty("benchmark.es");
        if (es == null || es.isBlank()) {
            System.out.println("starting the local-stack test Elasticsearch node ...");
            es = TestServers.elasticsearch().hostAndPort();
        }
        RestClient rest = RestClient.builder(HttpHost.create("http://" + es)).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(JSON)));

        Vocabulary vocabulary = new Vocabulary(20_000, 42);
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        ObjectNode body = ArticleIndexMapping.indexBody("standard", 1, 0, INDEX + "-alias");
        ((ObjectNode) body.at("/settings/index")).put("refresh_interval", "1s");
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(body.toString())));

        // --- load ---------------------------------------------------------------------------------------------
        Instant loadStart = Instant.now();
        AtomicLong loaded = new AtomicLong();
        ExecutorService loadPool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> futures = new ArrayList<>();
        int batch = 1000;
        for (int t = 0; t < loaders; t++) {
            int thread = t;
            futures.add(loadPool.submit(() -> {
                SplittableRandom random = new SplittableRandom(1000 + thread);
                for (int start = thread * batch; start < docs; start += loaders * batch) {
                    bulk(client, vocabulary, random, start, Math.min(batch, docs - start));
                    long done = loaded.addAndGet(Math.min(batch, docs - start));
                    if (done % 50_000 < batch) {
                        System.out.printf("loaded %,d docs in %ds%n", done, Duration.between(loadStart, Instant.now()).toSeconds());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        loadPool.shutdown();
        client.indices().refresh(r -> r.index(INDEX));
        Duration loadTime = Duration.between(loadStart, Instant.now());
        long count = client.count(c -> c.index(INDEX)).count();
        System.out.printf("LOAD: %,d docs in %ds (%,.0f docs/s)%n", count, loadTime.toSeconds(),
                count / Math.max(1.0, loadTime.toMillis() / 1000.0));

        // --- measure, while ingest continues -------------------------------------------------------------------
        AtomicBoolean ingesting = new AtomicBoolean(true);
        AtomicLong ingested = new AtomicLong();
        Thread ingest = Thread.ofPlatform().name("bench-ingest").start(() -> {
            SplittableRandom random = new SplittableRandom(7);
            int next = docs;
            int perBatch = Math.max(1, ingestPerSecond / 5);
            while (ingesting.get()) {
                long t0 = System.nanoTime();
                try {
                    bulk(client, vocabulary, random, next, perBatch);
                    next += perBatch;
                    ingested.addAndGet(perBatch);
                } catch (Exception e) {
                    System.out.println("ingest: " + e);
                }
                long sleep = 200 - (System.nanoTime() - t0) / 1_000_000;
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        // warm-up: 50 queries, not measured
        Random qr = new Random(3);
        for (int i = 0; i < 50; i++) {
            client.search(query(qr), Void.class);
        }
        int total = qps * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long period = 1_000_000_000L / qps;
        long base = System.nanoTime() + 100_000_000L;
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            requests.add(query(qr));
        }
        for (int i = 0; i < total; i++) {
            long scheduled = base + i * period;
            SearchRequest request = requests.get(i);
            scheduler.schedule(() -> workers.submit(() -> {
                try {
                    client.search(request, Void.class);
                    latencies.add(System.nanoTime() - scheduled);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        ingesting.set(false);
        ingest.join();

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("SEARCH: %d queries at %d/s open loop over %ds, %d errors, ingest continuing at %,d docs/s "
                        + "(%,d docs added)%n", sorted.length, qps, seconds, errors.get(), ingestPerSecond, ingested.get());
        System.out.printf("SEARCH latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.println("example query: " + requests.getFirst());
        rest.close();

    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A typical editor search: words or a phrase, a topic and a language filter, the last 90 days, facets. */
    static SearchRequest query(Random random) {
        String[] queries = {"aid convoy", "\"Lachin corridor\" blockade", "bread OR flour", "fuel shortage hospital",
                "humanitarian -ceasefire", "evacuat* villages", "Stepanakert insulin", "\"Red Cross\" trucks"};
        String q = queries[random.nextInt(queries.length)];
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        Instant to = Instant.parse("2025-12-31T00:00:00Z").minus(Duration.ofDays(random.nextInt(300)));
        SearchParams params = SearchParams.parse(new SearchParams.Raw(q, List.of(topic), null, null, null, List.of("en"),
                to.minus(Duration.ofDays(90)).toString(), to.toString(), null, "20", null, null, null),
                new SearchParams.Limits(20, 100, 1000));
        return SearchQueryBuilder.build(INDEX, params, 20, SearchQueryBuilder.resolve(params, null, null, 30));
    }

    static void bulk(ElasticsearchClient client, Vocabulary vocabulary, SplittableRandom random, int start, int n)
            throws Exception {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
        for (int i = 0; i < n; i++) {
            String id = "bench-" + (start + i);
            ObjectNode doc = article(vocabulary, random, id);
            bulk.operations(op -> op.index(x -> x.id(id).document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("bulk errors: " + response.items().stream()
                    .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
        }
    }

    /** Realistic lengths: a title of 6-14 words, a summary of 20-45, a text of 150-600 words (about 1-4 KB). */
    static ObjectNode article(Vocabulary v, SplittableRandom r, String id) {
        ObjectNode a = JSON.createObjectNode();
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextLong(2L * 365 * 86400));
        String summary = v.sentence(r, 20 + r.nextInt(26));
        a.put("schemaVersion", 1).put("id", id).put("revision", 1).put("url", "https://bench.example/" + id)
                .put("canonicalUrl", "https://bench.example/" + id).putNull("guid")
                .put("title", v.sentence(r, 6 + r.nextInt(9))).put("summary", summary)
                .put("text", summary + " " + v.sentence(r, 150 + r.nextInt(451)))
                .put("published", published.toString()).put("publishedSource", "feed-published")
                .put("firstSeen", published.toString()).put("language", LANGS[r.nextInt(LANGS.length)]);
        a.putArray("authors").add("Staff " + r.nextInt(200));
        a.putArray("categories").add("News");
        a.putArray("sources").addObject().put("feedUrl", "https://bench.example/feed" + r.nextInt(30) + ".rss")
                .put("name", "Source " + r.nextInt(30)).put("siteUrl", "https://bench.example/");
        a.put("contentHash", "0".repeat(64));
        ArrayNode topics = a.putArray("topics");
        int nTopics = r.nextInt(3);
        for (int i = 0; i < nTopics; i++) {
            ObjectNode t = topics.addObject().put("id", TOPICS[r.nextInt(TOPICS.length)]).put("score", 0.5 + r.nextDouble() / 2);
            t.putArray("matched").add(DOMAIN[r.nextInt(DOMAIN.length)]);
            t.putArray("hits");
        }
        a.put("taxonomyVersion", "bench").put("classifiedAt", published.toString());
        ArrayNode places = a.putArray("places");
        ArrayNode locations = a.putArray("placeLocations");
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            int p = r.nextInt(50);
            double lat = 38 + p * 0.05;
            double lon = 45 + p * 0.05;
            places.addObject().put("id", "place-" + p).put("name", "Place " + p).put("count", 1 + r.nextInt(3))
                    .put("country", "AZ").put("lat", lat).put("lon", lon);
            locations.addObject().put("lat", lat).put("lon", lon);
        }
        ArrayNode orgs = a.putArray("organisations");
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            int o = r.nextInt(20);
            orgs.addObject().put("id", "org-" + o).put("name", "Organisation " + o).put("count", 1);
        }
        return a;
    }

    /** Synthetic words with a Zipf-like frequency (a few very common, a long tail), mixed with domain terms. */
    static final class Vocabulary {
        final String[] words;
        final double[] cumulative;

        Vocabulary(int size, long seed) {
            Random random = new Random(seed);
            words = new String[size];
            String letters = "abcdefghijklmnopqrstuvwxyz";
            String[] common = {"the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "by",
                    "as", "at", "from", "said", "have", "has", "were"};
            for (int i = 0; i < size; i++) {
                if (i < common.length) {
                    words[i] = common[i];
                } else if (i < common.length + DOMAIN.length * 3 && (i - common.length) % 3 == 0) {
                    words[i] = DOMAIN[(i - common.length) / 3];
                } else {
                    int len = 3 + random.nextInt(8);
                    StringBuilder w = new StringBuilder();
                    for (int c = 0; c < len; c++) {
                        w.append(letters.charAt(random.nextInt(26)));
                    }
                    words[i] = w.toString();
                }
            }
            cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += 1.0 / Math.pow(i + 1, 1.05);
                cumulative[i] = sum;
            }
            for (int i = 0; i < size; i++) {
                cumulative[i] /= sum;
            }
        }

        String word(SplittableRandom r) {
            int i = Arrays.binarySearch(cumulative, r.nextDouble());
            return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
        }

        String sentence(SplittableRandom r, int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String w = word(r);
                s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                s.append(i == n - 1 ? "." : (r.nextInt(12) == 0 ? ", " : " "));
            }
            return s.toString();
        }
    }

    static HistogramInterval unused() {
        return HistogramInterval.AUTO;
    }
}
