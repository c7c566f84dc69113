package org.newsroommonitor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroommonitor.localstack.LocalStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One run of N known articles through the local stack, one per scenario of the fault tests ({@link
 * FaultToleranceTest}, {@link ReplicaFaultToleranceTest}, {@link LossyNetworkTest}): serves them as {@link #FEEDS}
 * feeds of {@value #ITEMS} items (unique links; every tenth mentions the run's saved search word), registers the
 * feeds with ingest-service (OPML), saves the search, and waits until a third of the work is through the hop the
 * scenario strikes. Afterwards it waits until everything is through and checks exactly what docs/DELIVERY.md
 * promises: the index holds the N URLs, each once and with its topics, the search API counts N, and every alert
 * due is on {@code news.alerts}. Also reads offsets, lags and whole topics through the broker's direct listener.
 */
final class PipelineRun {

    static final int ITEMS = 100;
    /** Feeds of every run: 100 (N = 10,000) unless {@code -Dnewsroom.faults.feeds} says otherwise. */
    static final int FEEDS = Integer.getInteger("newsroom.faults.feeds", 100);
    private static final int ALERT_EVERY = 10;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How far a run is through one hop of the pipeline, as a count that only grows (records, commits). */
    @FunctionalInterface
    interface Progress {
        long of(PipelineRun run) throws Exception;
    }

    /** Records reaching news.articles: ingest-service's work. */
    static final Progress PUBLISHED = run -> run.endOffsets("news.articles");
    /** Records reaching news.classified: classify-service's work. */
    static final Progress CLASSIFIED = run -> run.endOffsets("news.classified");
    /** Offsets search-service committed on news.classified: its indexing. */
    static final Progress INDEXED = run -> run.committed("search-service", "news.classified");

    private final LocalStack stack;
    private final String scenario;
    private final String run = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
    private final String alertWord = "flag" + run;
    /** Feed file name (as the feed server logs it) -> URL. */
    final Map<String, String> feedUrls = new LinkedHashMap<>();
    private final Set<String> urls = new HashSet<>();
    private final Set<String> alertUrls = new HashSet<>();
    private String subscription;
    /** When the OPML import returned: the feed fetches of ingest's feed discovery are all before it. */
    private Instant registered;
    private long startedNanos;
    private long classifiedBefore;

    /** A run for {@code scenario}, the name its figure line gives. */
    PipelineRun(LocalStack stack, String scenario) {
        this.stack = stack;
        this.scenario = scenario;
    }

    int n() {
        return FEEDS * ITEMS;
    }

    /** The run's marker, in every link and title of its articles and in its dead-letter keys. */
    String id() {
        return run;
    }

    /**
     * Saves the search (and waits until every classify replica named knows it), serves the feeds, registers them
     * with the first ingest-service replica, and waits until a third of the N articles is through the hop that
     * {@code progress} counts: the moment a scenario injects its fault.
     */
    void startAndAwaitAThird(List<String> classifyReplicas, Progress progress) throws Exception {
        startedNanos = System.nanoTime();
        classifiedBefore = endOffsets("news.classified");
        long before = progress.of(this);
        saveSearch(classifyReplicas);
        serveFeeds();
        registerFeeds();
        registered = Instant.now();
        await("a third of the work of " + scenario).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> progress.of(this) - before >= n() / 3);
    }

    /** When the feeds were registered: every fetch of a feed after it is a poll, not feed discovery's look. */
    Instant registered() {
        return registered;
    }

    private void saveSearch(List<String> classifyReplicas) throws Exception {
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(
                        stack.service("search-service").uri().resolve("/api/subscriptions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", stack.users().basicAuthorization("editor"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"faults " + run + "\",\"query\":\"" + alertWord
                        + "\",\"owner\":\"faults\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as("POST /api/subscriptions -> %s", saved.body()).isEqualTo(201);
        subscription = JSON.readTree(saved.body()).path("id").asText();
        for (String replica : classifyReplicas) {
            URI classify = stack.service(replica).uri();
            await(replica + " knows the saved search").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> HTTP.send(HttpRequest.newBuilder(classify.resolve("/api/subscriptions/" + subscription))
                                    .header("Authorization", stack.users().basicAuthorization("admin")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    private void serveFeeds() {
        Instant now = Instant.now();
        for (int f = 0; f < FEEDS; f++) {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                    + "<channel><title>Fault wire " + run + " " + f + "</title><link>https://fault.example/" + run
                    + "/" + f + "</link><description>Test feed</description><language>en</language>\n");
            for (int i = 0; i < ITEMS; i++) {
                String url = "https://fault.example/" + run + "/" + f + "/" + i;
                boolean alert = (f * ITEMS + i) % ALERT_EVERY == 0;
                urls.add(url);
                if (alert) {
                    alertUrls.add(url);
                }
                String published = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        now.minusSeconds(60L * (f * ITEMS + i)).atOffset(ZoneOffset.UTC));
                rss.append("<item><title>Aid convoy ").append(run).append(' ').append(f).append('-').append(i)
                        .append(" blocked at the Lachin corridor as food runs short</title><link>").append(url)
                        .append("</link><guid isPermaLink=\"true\">").append(url).append("</guid><pubDate>")
                        .append(published).append("</pubDate><description>A humanitarian aid convoy carrying flour, "
                                + "medicine and baby food was stopped at the checkpoint; the blockade leaves "
                                + "residents short of bread. ").append(alert ? alertWord + " desk." : "")
                        .append("</description></item>\n");
            }
            rss.append("</channel></rss>\n");
            String name = run + "-" + f + ".rss";
            stack.feedServer().put(name, rss.toString().getBytes(StandardCharsets.UTF_8));
            feedUrls.put(name, stack.feedServer().url(name));
        }
    }

    private void registerFeeds() throws Exception {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"
                + "<head><title>faults</title></head><body>\n");
        feedUrls.values().forEach(url -> opml.append("<outline type=\"rss\" text=\"").append(url)
                .append("\" xmlUrl=\"").append(url).append("\"/>\n"));
        opml.append("</body></opml>\n");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        stack.service("ingest-service").uri().resolve("/api/feeds/opml"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/x-opml")
                .header("Authorization", stack.users().basicAuthorization("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(opml.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("OPML import -> %s", response.body()).isBetween(200, 201);
        assertThat(JSON.readTree(response.body()).path("added").size()).as("feeds added: %s", response.body())
                .isEqualTo(FEEDS);
    }

    /** {@link #awaitAllThrough()}, then {@link #checkExactlyOnce()}. */
    void awaitAndCheckExactlyOnce() throws Exception {
        awaitAllThrough();
        checkExactlyOnce();
    }

    /**
     * Waits until the N articles are indexed and both consumer groups have committed everything (so redelivered
     * records are through too).
     */
    void awaitAllThrough() {
        await("all " + n() + " articles of " + run + " indexed").atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> elasticsearch("/news-articles/_count", "{\"query\":" + urlPrefix() + "}").path("count")
                        .asLong() >= n());
        await("classify-service and search-service caught up").atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> lag("classify-service", "news.articles") == 0
                        && lag("search-service", "news.classified") == 0);
    }

    /**
     * The run's figure line, {@code [faults] scenario=... N=... duration=...s FIGURES classified-records=...
     * (redelivered ...)}: the time and the records reaching news.classified from the start until now.
     */
    String figure(String figures) throws Exception {
        long duration = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
        long classifiedRecords = endOffsets("news.classified") - classifiedBefore;
        return String.format(Locale.ROOT, "[faults] scenario=%s N=%d duration=%ds %s classified-records=%d"
                + " (redelivered %d)", scenario, n(), duration, figures, classifiedRecords, classifiedRecords - n());
    }

    /**
     * Checks the index (exactly the N URLs, each once, each with its topics), the search API's count and the
     * alerts of the saved search.
     */
    void checkExactlyOnce() throws Exception {
        Map<String, List<String>> byUrl = indexedByUrl();
        assertThat(byUrl.keySet()).as("article URLs in the index").isEqualTo(urls);
        assertThat(byUrl.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey).toList())
                .as("articles indexed more than once").isEmpty();
        assertThat(byUrl.entrySet().stream().filter(e -> e.getValue().getFirst().isEmpty()).map(Map.Entry::getKey)
                .toList()).as("articles without topics").isEmpty();
        assertThat(searchApiTotal()).as("the search API's count of the run's articles").isEqualTo(n());
        assertThat(alertedUrls()).as("alerts of the saved search (at least once)").containsAll(alertUrls);
    }

    /**
     * Every document of the run: URL -> the topic ids of each document with that URL (two documents with one URL
     * would be an article indexed twice).
     */
    private Map<String, List<String>> indexedByUrl() throws Exception {
        HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri().resolve("/news-articles/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        // at most N hits (Elasticsearch's result window is 10,000); a URL indexed twice shows in the total
        JsonNode hits = elasticsearch("/news-articles/_search", "{\"size\":" + n()
                + ",\"track_total_hits\":true,\"_source\":[\"url\",\"topics.id\"],\"query\":" + urlPrefix() + "}")
                .path("hits");
        assertThat(hits.path("total").path("value").asLong()).as("documents of the run")
                .isEqualTo(hits.path("hits").size());
        Map<String, List<String>> byUrl = new HashMap<>();
        for (JsonNode hit : hits.path("hits")) {
            String topics = String.join(",", hit.path("_source").path("topics").findValuesAsText("id"));
            byUrl.computeIfAbsent(hit.path("_source").path("url").asText(), u -> new ArrayList<>()).add(topics);
        }
        return byUrl;
    }

    /** The Elasticsearch query for the documents of the run. */
    private String urlPrefix() {
        return "{\"prefix\":{\"url\":\"https://fault.example/" + run + "/\"}}";
    }

    private JsonNode elasticsearch(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri().resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The total of the search API for the run's marker word, which is in every title of the run. */
    private long searchApiTotal() throws Exception {
        URI uri = stack.service("search-service").uri().resolve("/api/search?size=1&q=" + run);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("total").asLong();
    }

    /** The article URLs of every alert on news.alerts for the saved search. */
    private Set<String> alertedUrls() throws Exception {
        Set<String> alerted = new HashSet<>();
        for (ConsumerRecord<String, String> record : records("news.alerts")) {
            if (subscription.equals(record.key())) {
                alerted.add(JSON.readTree(record.value()).path("url").asText());
            }
        }
        return alerted;
    }

    // --- Kafka, through the broker's direct listener ----------------------------------------------------------

    /** Every record of {@code topic}, read from the beginning to the end it has now. */
    List<ConsumerRecord<String, String>> records(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    /** Records on {@code topic}, summed over its partitions. */
    long endOffsets(String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return latest(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Map<TopicPartition, Long> latest(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The offsets {@code group} committed on {@code topic}, summed over its partitions. */
    long committed(String group, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return committed(admin, group, topic).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The offsets {@code group} committed on {@code topic}, by partition. */
    static Map<TopicPartition, Long> committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records of {@code topic} that {@code group} has not committed yet. */
    long lag(String group, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, Long> end = latest(admin, topic);
            Map<TopicPartition, Long> done = committed(admin, group, topic);
            return end.entrySet().stream().mapToLong(e -> e.getValue() - done.getOrDefault(e.getKey(), 0L)).sum();
        }
    }
}
