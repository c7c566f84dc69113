package org.newsroommonitor.search.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.newsroommonitor.localstack.Distributions;
import org.newsroommonitor.localstack.ElasticsearchNode;
import org.newsroommonitor.localstack.Net;
import org.newsroommonitor.search.api.SearchParams;
import org.newsroommonitor.search.api.SearchQueryBuilder;
import org.newsroommonitor.search.index.ArticleIndexMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>Not part of the test run: {@code mvn -B -pl search-service -Pbenchmark test-compile exec:java}. Options
 * (system properties, see docs/BENCHMARKS.md): {@code benchmark.docs}, {@code benchmark.qps},
 * {@code benchmark.seconds}, {@code benchmark.ingest}, {@code benchmark.variants} (ablation, {@link QueryVariant}),
 * {@code benchmark.reload}, {@code benchmark.refresh}, {@code benchmark.heap}, {@code benchmark.dir}, {@code benchmark.es}.
 *
 * <p>Without {@code benchmark.es} it starts its own node of the local stack's distribution on a persistent data
 * directory ({@code benchmark.dir}), and reuses the index there when it holds exactly the requested articles
 * with the current mapping, so a measurement does not have to wait for a new load.
 */
public final class SearchBenchmark {

    static final String INDEX = "bench-articles";
    /** Ids of the articles the ingest during a measurement adds; deleted again after each measurement. */
    static final String LIVE_PREFIX = "bench-live-";
    static final String SERVICE_REFRESH = "1s";

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("benchmark.docs", 1_000_000);
        int qps = Integer.getInteger("benchmark.qps", 10);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int ingestPerSecond = Integer.getInteger("benchmark.ingest", 200);
        int loaders = Integer.getInteger("benchmark.loaders", 3);
        int loadBatch = Integer.getInteger("benchmark.batch", 2000);
        boolean reload = Boolean.getBoolean("benchmark.reload");
        String heap = System.getProperty("benchmark.heap", "2g");
        List<QueryVariant> variants = new ArrayList<>();
        for (String v : System.getProperty("benchmark.variants", "full").split(",")) {
            variants.add(QueryVariant.valueOf(v.trim().toUpperCase().replace('-', '_')));
        }
        String es = System.getProperty("benchmark.es");
        ElasticsearchNode node = null;
        if (es == null || es.isBlank()) {
            Path dir = Path.of(System.getProperty("benchmark.dir", moduleDirectory().resolve("target/benchmark-elasticsearch").toString()));
            System.out.printf("starting Elasticsearch (heap %s) on %s ...%n", heap, dir);
            node = ElasticsearchNode.start(new ElasticsearchNode.Config(dir, Net.freePort(), Net.freePort(), heap),
                    Distributions.fromBuild(), Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor"));
            es = node.hostAndPort();
        }
        ElasticsearchNode started = node;
        Thread stopper = new Thread(() -> {
            if (started != null) {
                started.stop();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        // bulk requests of the load can wait for a merge on a busy machine: more than the client's default 30 s
        RestClient rest = RestClient.builder(HttpHost.create("http://" + es))
                .setRequestConfigCallback(c -> c.setSocketTimeout(180_000)).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(SyntheticArticles.JSON)));
        try {
            SyntheticArticles.Vocabulary vocabulary = new SyntheticArticles.Vocabulary(20_000, 42);
            ensureLoaded(client, rest, vocabulary, docs, loaders, loadBatch, reload);
            awaitMerges(rest);
            // the refresh interval during the measurement: the service's (Elasticsearch's default) unless asked
            String refresh = System.getProperty("benchmark.refresh", SERVICE_REFRESH);
            put(rest, "/" + INDEX + "/_settings", "{\"index\":{\"refresh_interval\":\"" + refresh + "\"}}");
            System.out.printf("refresh interval during the measurement: %s%n", refresh);
            ProcessHandle esProcess = node == null ? null : esProcess(node);
            System.out.printf("index: %s%n", get(rest, "/_cat/indices/" + INDEX + "?v&h=docs.count,store.size,pri.store.size").trim());
            System.out.printf("segments: %s%n", get(rest, "/_cat/segments/" + INDEX + "?h=segment").lines().count());
            for (QueryVariant variant : variants) {
                measure(client, rest, vocabulary, variant, docs, qps, seconds, ingestPerSecond, esProcess);
            }
        } finally {
            try {
                put(rest, "/" + INDEX + "/_settings", "{\"index\":{\"refresh_interval\":\"" + SERVICE_REFRESH + "\"}}");
            } catch (IOException e) {
                System.out.println("could not restore the refresh interval: " + e);
            }
            rest.close();
            if (node != null) {
                node.stop();
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
    }

    /** search-service/, found from where this class was compiled to (target/test-classes). */
    static Path moduleDirectory() throws Exception {
        Path classes = Path.of(SearchBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent();
    }

    static ProcessHandle esProcess(ElasticsearchNode node) throws IOException {
        Path pidFile = node.config().directory().resolve("elasticsearch.pid");
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElse(null);
    }

    /**
     * Reuses the index when its {@code _meta} says it was completely loaded with {@code docs} articles and the
     * mapping of this build; otherwise (or with {@code reload}) deletes and loads it.
     */
    static void ensureLoaded(ElasticsearchClient client, RestClient rest, SyntheticArticles.Vocabulary vocabulary,
            int docs, int loaders, int batch, boolean reload) throws Exception {
        ObjectNode body = ArticleIndexMapping.indexBody("standard", 1, 0, INDEX + "-alias");
        String fingerprint = fingerprint(body.get("mappings").toString());
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            JsonNode meta = SyntheticArticles.JSON.readTree(get(rest, "/" + INDEX + "/_mapping"))
                    .path(INDEX).path("mappings").path("_meta");
            deleteLive(client);
            if (!reload && meta.path("loadedDocs").asLong() == docs && fingerprint.equals(meta.path("mapping").asText())) {
                System.out.printf("reusing index %s: %,d articles, mapping %s (loaded %s in %ss)%n", INDEX, docs,
                        fingerprint, meta.path("loadedAt").asText(), meta.path("loadSeconds").asText());
                return;
            }
            System.out.printf("index %s holds %s articles with mapping %s: reloading%n", INDEX,
                    meta.path("loadedDocs").asText("?"), meta.path("mapping").asText("?"));
            client.indices().delete(d -> d.index(INDEX));
        }
        // load phase: no refresh, asynchronous translog; the service's settings are restored afterwards
        ObjectNode settings = (ObjectNode) body.at("/settings/index");
        settings.put("refresh_interval", "-1");
        settings.put("translog.durability", "async");
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(body.toString())));

        Instant loadStart = Instant.now();
        AtomicLong loaded = new AtomicLong();
        ExecutorService loadPool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            int thread = t;
            futures.add(loadPool.submit(() -> {
                SplittableRandom random = new SplittableRandom(1000 + thread);
                for (int start = thread * batch; start < docs; start += loaders * batch) {
                    int n = Math.min(batch, docs - start);
                    List<ObjectNode> documents = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        documents.add(SyntheticArticles.document(vocabulary, random, "bench-" + (start + i)));
                    }
                    for (int attempt = 1; ; attempt++) { // same ids again: a retried bulk is idempotent
                        try {
                            bulk(client, documents);
                            break;
                        } catch (IOException e) {
                            if (attempt == 3) {
                                throw e;
                            }
                            System.out.println("bulk failed, retrying: " + e);
                        }
                    }
                    long done = loaded.addAndGet(n);
                    if (done % 50_000 < n) {
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
        put(rest, "/" + INDEX + "/_settings", "{\"index\":{\"refresh_interval\":\"" + SERVICE_REFRESH
                + "\",\"translog.durability\":\"request\"}}");
        client.indices().refresh(r -> r.index(INDEX));
        Duration loadTime = Duration.between(loadStart, Instant.now());
        long count = client.count(c -> c.index(INDEX)).count();
        if (count != docs) {
            throw new IllegalStateException("loaded " + count + " articles, expected " + docs);
        }
        put(rest, "/" + INDEX + "/_mapping", SyntheticArticles.JSON.createObjectNode().set("_meta",
                SyntheticArticles.JSON.createObjectNode().put("loadedDocs", docs).put("mapping", fingerprint)
                        .put("loadedAt", Instant.now().toString()).put("loadSeconds", loadTime.toSeconds())).toString());
        System.out.printf("LOAD: %,d docs in %ds (%,.0f docs/s)%n", count, loadTime.toSeconds(),
                count / Math.max(1.0, loadTime.toMillis() / 1000.0));
    }

    /**
     * Waits until the index has no merge running (after a load, merges of the new segments go on for minutes and
     * would take CPU from the searches; an index that grew over months has none of those pending).
     */
    static void awaitMerges(RestClient rest) throws Exception {
        Instant start = Instant.now();
        while (SyntheticArticles.JSON.readTree(get(rest, "/" + INDEX + "/_stats/merge"))
                .at("/indices/" + INDEX + "/primaries/merges/current").asLong() > 0
                && Duration.between(start, Instant.now()).toMinutes() < 20) {
            Thread.sleep(5000);
        }
        System.out.printf("merges: none running (waited %ds)%n", Duration.between(start, Instant.now()).toSeconds());
    }

    /** Measures one variant of the query: warm-up, then {@code qps x seconds} queries on a fixed schedule. */
    static void measure(ElasticsearchClient client, RestClient rest, SyntheticArticles.Vocabulary vocabulary,
            QueryVariant variant, int docs, int qps, int seconds, int ingestPerSecond, ProcessHandle esProcess)
            throws Exception {
        AtomicBoolean ingesting = new AtomicBoolean(ingestPerSecond > 0);
        AtomicLong ingested = new AtomicLong();
        Thread ingest = Thread.ofPlatform().name("bench-ingest").start(() -> {
            SplittableRandom random = new SplittableRandom(7 + variant.ordinal());
            int next = 0;
            int perBatch = Math.max(1, ingestPerSecond / 5);
            while (ingesting.get()) {
                long t0 = System.nanoTime();
                try {
                    bulk(client, vocabulary, random, LIVE_PREFIX, next, perBatch);
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
        Random qr = new Random(3);
        for (int i = 0; i < 50; i++) { // warm-up, not measured
            client.search(query(qr, variant), Void.class);
        }
        int total = qps * seconds;
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            requests.add(query(qr, variant));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> matches = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long period = 1_000_000_000L / qps;
        long base = System.nanoTime() + 100_000_000L;
        MachineLoad load = new MachineLoad(esProcess);
        for (int i = 0; i < total; i++) {
            long scheduled = base + i * period;
            SearchRequest request = requests.get(i);
            scheduler.schedule(() -> workers.submit(() -> {
                try {
                    var response = client.search(request, Void.class);
                    latencies.add(System.nanoTime() - scheduled);
                    if (response.hits().total() != null) {
                        matches.add(response.hits().total().value());
                    }
                } catch (Exception e) {
                    if (errors.incrementAndGet() == 1) {
                        System.out.println("search error: " + e);
                    }
                }
            }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        load.close();
        ingesting.set(false);
        ingest.join();
        deleteLive(client);

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("SEARCH %s: %d queries at %d/s open loop over %ds, %d errors, ingest %,d docs/s (%,d added, "
                        + "deleted again)%n", variant, sorted.length, qps, seconds, errors.get(), ingestPerSecond,
                ingested.get());
        System.out.printf("SEARCH %s latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", variant, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        long[] matched = matches.stream().mapToLong(Long::longValue).sorted().toArray();
        if (matched.length > 0) {
            System.out.printf("SEARCH %s matching articles per query: median %,d, p90 %,d, max %,d%s%n", variant,
                    matched[matched.length / 2], matched[(int) (matched.length * 0.9)], matched[matched.length - 1],
                    variant == QueryVariant.CAPPED_TOTAL || variant == QueryVariant.BARE ? " (counted up to 10,000)" : "");
        }
        System.out.printf("SEARCH %s machine: %s%n", variant, load);
        if (esProcess != null && sorted.length > 0) {
            System.out.printf("SEARCH %s Elasticsearch CPU per query: %.1f ms (its CPU time during the run / queries%s)%n",
                    variant, load.elasticsearchCpuSeconds() * 1000 / sorted.length,
                    ingestPerSecond > 0 ? "; includes indexing the ingest" : "");
        }
        if (Boolean.getBoolean("benchmark.printQuery")) {
            System.out.println("example query: " + requests.getFirst());
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A typical editor search: words or a phrase, a topic and a language filter, the last 90 days, facets. */
    static SearchRequest query(Random random, QueryVariant variant) throws IOException {
        String[] queries = {"aid convoy", "\"Lachin corridor\" blockade", "bread OR flour", "fuel shortage hospital",
                "humanitarian -ceasefire", "evacuat* villages", "Stepanakert insulin", "\"Red Cross\" trucks"};
        String q = queries[random.nextInt(queries.length)];
        String topic = SyntheticArticles.TOPICS[random.nextInt(SyntheticArticles.TOPICS.length)];
        Instant to = Instant.parse("2025-12-31T00:00:00Z").minus(Duration.ofDays(random.nextInt(300)));
        SearchParams params = SearchParams.parse(new SearchParams.Raw(q, List.of(topic), null, null, null, List.of("en"),
                to.minus(Duration.ofDays(90)).toString(), to.toString(), null, "20", null, null, null),
                new SearchParams.Limits(20, 100, 1000));
        SearchRequest request = SearchQueryBuilder.build(INDEX, params, 20, SearchQueryBuilder.resolve(params, null, null, 30));
        if (variant == QueryVariant.FULL) {
            return request;
        }
        ObjectNode body = (ObjectNode) SyntheticArticles.JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
        String changed = variant.apply(body).toString();
        return SearchRequest.of(b -> b.index(INDEX).withJson(new StringReader(changed)));
    }

    static void bulk(ElasticsearchClient client, SyntheticArticles.Vocabulary vocabulary, SplittableRandom random,
            String prefix, int start, int n) throws Exception {
        List<ObjectNode> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            documents.add(SyntheticArticles.document(vocabulary, random, prefix + (start + i)));
        }
        bulk(client, documents);
    }

    static void bulk(ElasticsearchClient client, List<ObjectNode> documents) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
        for (ObjectNode doc : documents) {
            String id = doc.get("id").asText();
            bulk.operations(op -> op.index(x -> x.id(id).document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("bulk errors: " + response.items().stream()
                    .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
        }
    }

    /**
     * Removes what the ingest of a measurement added, so the index holds the loaded articles only (by id: the
     * test distribution has no delete-by-query).
     */
    static void deleteLive(ElasticsearchClient client) throws IOException {
        client.indices().refresh(r -> r.index(INDEX));
        while (true) {
            List<String> ids = client.search(s -> s.index(INDEX).size(5000).source(src -> src.fetch(false))
                            .query(q -> q.prefix(p -> p.field("id").value(LIVE_PREFIX))), Void.class)
                    .hits().hits().stream().map(h -> h.id()).toList();
            if (ids.isEmpty()) {
                return;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
            ids.forEach(id -> bulk.operations(op -> op.delete(d -> d.id(id))));
            client.bulk(bulk.build());
            client.indices().refresh(r -> r.index(INDEX));
        }
    }

    static String fingerprint(String mapping) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(mapping.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 6);
    }

    static String get(RestClient rest, String path) throws IOException {
        Response response = rest.performRequest(new Request("GET", path));
        try (InputStream in = response.getEntity().getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void put(RestClient rest, String path, String json) throws IOException {
        Request request = new Request("PUT", path);
        request.setJsonEntity(json);
        rest.performRequest(request);
    }
}
