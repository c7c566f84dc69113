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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery guarantee of docs/DELIVERY.md under faults, on the real local stack (Kafka, Elasticsearch, the three
 * packaged services, restarted by the stack's supervisor). Each scenario serves {@value #FEEDS} new feeds of
 * {@value #ITEMS} items (N = 10,000 articles, unique links), kills a service with SIGKILL in the middle of its work,
 * and checks that the index holds exactly those N articles (none missing, none twice, every one with its topics),
 * that the search API counts N, and that every alert due for a saved search was emitted at least once. It measures
 * the time from the kill until the killed service's partitions make progress again. Runs only with {@code -Pfaults}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int FEEDS = 100;
    private static final int ITEMS = 100;
    private static final int N = FEEDS * ITEMS;
    /** Every tenth article mentions the scenario's saved search word. */
    private static final int ALERT_EVERY = 10;
    /** The bound asserted on the recovery time; the figure itself is printed and reported in docs/DELIVERY.md. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    /**
     * The restarted ingest-service rejoins its feed-owner group as the same static member, but must read
     * news.feed-state again before it polls, at its next schedule tick.
     */
    private static final Duration INGEST_RECOVERY_BOUND = Duration.ofSeconds(60);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(10);
    /** A service asked to stop (SIGTERM) must be gone within this. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    private static final Duration ES_PAUSE = Duration.ofSeconds(60);

    static {
        // the Kafka clients of the test log their whole configuration at INFO
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private static Path dataDir;
    private static LocalStack stack;
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void startStack() throws IOException {
        Path repoRoot = Path.of(System.getProperty("newsroom.repo.root", "../.."));
        dataDir = Files.createTempDirectory("newsroom-faults-");
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        stack = LocalStack.start(LocalStack.Settings.onFreePorts(repoRoot, dataDir, Duration.ofSeconds(5), Map.of()),
                (part, message) -> System.out.printf("[faults] %-17s %s%n", part, message));
    }

    @AfterAll
    static void stopStack() throws IOException {
        figures.forEach(System.out::println);
        if (stack != null) {
            stack.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** (a) classify-service SIGKILLed while it classifies; progress: records reaching news.classified. */
    @Test
    @Order(1)
    void classifyServiceKilledInTheMiddle() throws Exception {
        runKillScenario("classify-service", () -> endOffsets("news.classified"), RECOVERY_BOUND);
    }

    /** (b) search-service SIGKILLed while it indexes; progress: offsets committed by its group. */
    @Test
    @Order(2)
    void searchServiceKilledInTheMiddle() throws Exception {
        runKillScenario("search-service", () -> committed("search-service", "news.classified"), RECOVERY_BOUND);
    }

    /** (c) ingest-service SIGKILLed while it publishes; progress: records reaching news.articles. */
    @Test
    @Order(3)
    void ingestServiceKilledInTheMiddle() throws Exception {
        runKillScenario("ingest-service", () -> endOffsets("news.articles"), INGEST_RECOVERY_BOUND);
    }

    /** (d) each service stopped with SIGTERM in the middle, one after the other: each stops in time, nothing lost. */
    @Test
    @Order(4)
    void eachServiceTerminatedInTheMiddle() throws Exception {
        runScenario("sigterm-each", () -> endOffsets("news.classified"), run -> {
            StringBuilder figures = new StringBuilder();
            List<Runnable> bounds = new ArrayList<>();
            for (String victim : List.of("classify-service", "search-service", "ingest-service")) {
                int restartsBefore = stack.restarts(victim);
                ProcessHandle process = ProcessHandle.of(stack.service(victim).pid()).orElseThrow();
                long signalled = System.nanoTime();
                process.destroy(); // SIGTERM
                await(victim + " stops after SIGTERM").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100)).until(() -> !process.isAlive());
                Duration stop = Duration.ofNanos(System.nanoTime() - signalled);
                figures.append(String.format(Locale.ROOT, " stop-%s=%.1fs", victim, stop.toMillis() / 1000.0));
                bounds.add(() -> assertThat(stop).as("%s stops within the bound after SIGTERM", victim)
                        .isLessThanOrEqualTo(STOP_BOUND));
                awaitRestarted(victim, restartsBefore, process);
                await(victim + " ready again").atMost(Duration.ofSeconds(120)).until(stack.service(victim)::isReady);
            }
            return new Outcome(figures.toString().strip(), () -> bounds.forEach(Runnable::run));
        });
    }

    /**
     * (e) poison on news.articles and news.classified (not JSON, the wrong schema, a key without a value, a large
     * unreadable value; and a 10 MB value, which the broker refuses): each poison that enters the topic lands on
     * its dead-letter topic with its reason, and the scenario's N articles still all arrive.
     */
    @Test
    @Order(5)
    void poisonMessagesOnEveryTopicAServiceReads() throws Exception {
        // injected while ingest still publishes, so valid articles follow the poison on every partition: the
        // connector dead-letters a value it cannot deserialize, but commits its offset only with the next record's
        runScenario("poison", () -> endOffsets("news.articles"), run -> {
            Set<String> articles = poison("news.articles", run);
            Set<String> classified = poison("news.classified", run);
            return new Outcome("poison=" + (articles.size() + classified.size()) + "+2-refused", () -> {
                assertThat(deadLetters("news.articles.dlq", run)).as("news.articles.dlq: key -> dead-letter-reason")
                        .containsOnlyKeys(articles).allSatisfy((key, reason) -> assertThat(reason).isNotBlank());
                assertThat(deadLetters("news.classified.dlq", run))
                        .as("news.classified.dlq: key -> dead-letter-reason")
                        .containsOnlyKeys(classified).allSatisfy((key, reason) -> assertThat(reason).isNotBlank());
            });
        });
    }

    /** (f) the Kafka broker SIGKILLed in the middle and started again by the test on the same log directory. */
    @Test
    @Order(6)
    void kafkaBrokerKilledAndRestarted() throws Exception {
        runScenario("kill-kafka", () -> endOffsets("news.classified"), run -> {
            ProcessHandle broker = ProcessHandle.of(stack.kafka().pid()).orElseThrow();
            long killedAt = System.nanoTime();
            broker.destroyForcibly(); // SIGKILL
            await().atMost(Duration.ofSeconds(10)).until(() -> !broker.isAlive());
            stack.kafka().startAgain();
            Duration back = Duration.ofNanos(System.nanoTime() - killedAt);
            long afterRestart = endOffsets("news.classified");
            await("news.classified grows again").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> endOffsets("news.classified") > afterRestart);
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
            return new Outcome(String.format(Locale.ROOT, "broker-back=%.1fs recovery=%.1fs",
                    back.toMillis() / 1000.0, recovery.toMillis() / 1000.0), () -> { });
        });
    }

    /** (g) Elasticsearch paused with SIGSTOP for 60 s in the middle of indexing, then SIGCONT. */
    @Test
    @Order(7)
    void elasticsearchPausedForAMinute() throws Exception {
        int searchRestarts = stack.restarts("search-service");
        runScenario("pause-elasticsearch", () -> committed("search-service", "news.classified"), run -> {
            List<ProcessHandle> tree = stack.elasticsearch().processTree();
            signal("STOP", tree);
            long pausedAt = System.nanoTime();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            AtomicBoolean resumed = new AtomicBoolean();
            try {
                // the pause is the fault itself, not a wait for a condition: a timer ends it
                timer.schedule(() -> {
                    signal("CONT", tree);
                    resumed.set(true);
                }, ES_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                await("Elasticsearch resumed").atMost(ES_PAUSE.plusSeconds(30)).until(resumed::get);
            } finally {
                timer.shutdown();
            }
            long atResume = committed("search-service", "news.classified");
            await("search-service commits again").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> committed("search-service", "news.classified") > atResume);
            Duration recovery = Duration.ofNanos(System.nanoTime() - pausedAt).minus(ES_PAUSE);
            return new Outcome(String.format(Locale.ROOT, "pause=%ds progress-after-resume=%.1fs",
                    ES_PAUSE.toSeconds(), recovery.toMillis() / 1000.0),
                    () -> assertThat(stack.restarts("search-service")).as("search-service rode out the pause")
                            .isEqualTo(searchRestarts));
        });
    }

    @FunctionalInterface
    private interface Progress {
        long value() throws Exception;
    }

    /** What a fault did: figures to print, and the bounds to assert once the data is checked. */
    private record Outcome(String figures, Runnable bounds) {
    }

    @FunctionalInterface
    private interface Fault {
        Outcome inject(String run) throws Exception;
    }

    /** A SIGKILL of {@code victim}, restarted by the stack's supervisor; recovery = kill until progress. */
    private void runKillScenario(String victim, Progress progress, Duration bound) throws Exception {
        runScenario("kill-" + victim, progress, run -> {
            int restartsBefore = stack.restarts(victim);
            ProcessHandle process = ProcessHandle.of(stack.service(victim).pid()).orElseThrow();
            long killedAt = System.nanoTime();
            process.destroyForcibly(); // SIGKILL
            await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
            long atKill = progress.value();
            awaitRestarted(victim, restartsBefore, process);
            await(victim + " makes progress again").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> progress.value() > atKill);
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
            return new Outcome(String.format(Locale.ROOT, "recovery=%.1fs", recovery.toMillis() / 1000.0),
                    () -> assertThat(recovery).as("time from the SIGKILL of %s until its partitions make progress",
                            victim).isLessThanOrEqualTo(bound));
        });
    }

    /**
     * Serves the scenario's N articles as feeds, registers them, injects the fault once a third of them is
     * through the hop {@code progress} watches, then checks the index, the search API and the alerts.
     */
    private void runScenario(String name, Progress progress, Fault fault) throws Exception {
        String run = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        String alertWord = "flag" + run;
        long started = System.nanoTime();
        long classifiedBefore = endOffsets("news.classified");
        long progressBefore = progress.value();

        String subscription = saveSearch(run, alertWord);
        Scenario scenario = serveFeeds(run, alertWord);
        registerFeeds(scenario);

        await("a third of the work of " + name).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> progress.value() - progressBefore >= N / 3);
        Outcome outcome = fault.inject(run);

        Map<String, List<String>> indexed = awaitIndexed(run);
        long duration = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long classifiedRecords = endOffsets("news.classified") - classifiedBefore;
        String figure = String.format(Locale.ROOT, "[faults] scenario=%s N=%d duration=%ds %s"
                        + " classified-records=%d (redelivered %d)", name, N, duration, outcome.figures(),
                classifiedRecords, classifiedRecords - N);
        System.out.println(figure);
        figures.add(figure);

        assertExactlyOnceInTheIndex(scenario, indexed);
        assertThat(searchApiTotal(run)).as("the search API's count of the scenario's articles").isEqualTo(N);
        assertThat(alertedUrls(subscription)).as("alerts of the saved search (at least once)")
                .containsAll(scenario.alertUrls());
        outcome.bounds().run();
    }

    private static void awaitRestarted(String victim, int restartsBefore, ProcessHandle process) {
        await(victim + " restarted by the supervisor").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.restarts(victim) == restartsBefore + 1 && stack.service(victim).pid() != process.pid());
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("%s", command).isTrue();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- poison ----------------------------------------------------------------------------------------------

    /**
     * Produces the poison messages to {@code topic} and returns the keys that must reach its dead-letter topic.
     * The 10 MB value is refused by the broker (message.max.bytes, 1 MiB): it never enters the topic.
     */
    private static Set<String> poison(String topic, String run) throws Exception {
        Map<String, byte[]> values = new java.util.LinkedHashMap<>();
        values.put("poison-not-json-" + run, "{\"id\": \"x\", oops".getBytes(StandardCharsets.UTF_8));
        values.put("poison-wrong-schema-" + run, "{\"schemaVersion\":1,\"headline\":\"no id, no url\"}"
                .getBytes(StandardCharsets.UTF_8));
        values.put("poison-no-value-" + run, null);
        byte[] large = new byte[300 * 1024];
        java.util.Arrays.fill(large, (byte) '{');
        values.put("poison-large-" + run, large);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "acks", "all", "max.request.size", "20000000"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (var entry : values.entrySet()) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, entry.getKey(),
                        entry.getValue())).get(30, TimeUnit.SECONDS);
            }
            byte[] huge = new byte[10 * 1024 * 1024];
            java.util.Arrays.fill(huge, (byte) 'x');
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> producer.send(
                    new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "poison-10mb-" + run, huge))
                    .get(60, TimeUnit.SECONDS));
            assertThat(refused).as("a 10 MB message on %s", topic).isNotNull()
                    .cause().isInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
        }
        return values.keySet();
    }

    /** Key -> dead-letter-reason header of every record of the dead-letter topic whose key names the run. */
    private static Map<String, String> deadLetters(String topic, String run) {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().endsWith(run)) {
                        var header = record.headers().lastHeader("dead-letter-reason");
                        reasons.put(record.key(),
                                header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return reasons;
    }

    private static void assertExactlyOnceInTheIndex(Scenario scenario, Map<String, List<String>> indexed) {
        assertThat(indexed.keySet()).as("article URLs in the index").isEqualTo(scenario.urls());
        List<String> twice = indexed.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey)
                .toList();
        assertThat(twice).as("articles indexed more than once").isEmpty();
        List<String> withoutTopics = indexed.entrySet().stream().filter(e -> e.getValue().getFirst().isEmpty())
                .map(Map.Entry::getKey).toList();
        assertThat(withoutTopics).as("articles without topics").isEmpty();
    }

    // --- the scenario's feeds ----------------------------------------------------------------------------------

    private record Scenario(String run, List<String> feedUrls, Set<String> urls, Set<String> alertUrls) {
    }

    private static Scenario serveFeeds(String run, String alertWord) {
        List<String> feedUrls = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        Set<String> alertUrls = new HashSet<>();
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
            feedUrls.add(stack.feedServer().url(name));
        }
        return new Scenario(run, feedUrls, urls, alertUrls);
    }

    private static void registerFeeds(Scenario scenario) throws Exception {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"
                + "<head><title>faults</title></head><body>\n");
        for (String url : scenario.feedUrls()) {
            opml.append("<outline type=\"rss\" text=\"").append(url).append("\" xmlUrl=\"").append(url).append("\"/>\n");
        }
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

    // --- the saved search and its alerts -----------------------------------------------------------------------

    private static String saveSearch(String run, String alertWord) throws Exception {
        URI search = stack.service("search-service").uri();
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(search.resolve("/api/subscriptions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", stack.users().basicAuthorization("editor"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"faults " + run + "\",\"query\":\"" + alertWord
                        + "\",\"owner\":\"faults\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as("POST /api/subscriptions -> %s", saved.body()).isEqualTo(201);
        String id = JSON.readTree(saved.body()).path("id").asText();
        URI classify = stack.service("classify-service").uri();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> HTTP.send(HttpRequest.newBuilder(classify.resolve("/api/subscriptions/" + id))
                                .header("Authorization", stack.users().basicAuthorization("admin")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return id;
    }


    /** The article URLs of every alert on news.alerts for the saved search, read from the beginning to the end. */
    private static Set<String> alertedUrls(String subscription) throws Exception {
        Set<String> urls = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("news.alerts").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subscription.equals(record.key())) {
                        urls.add(JSON.readTree(record.value()).path("url").asText());
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return urls;
    }

    // --- the index and the search API --------------------------------------------------------------------------

    /**
     * Waits until the scenario's N articles are indexed and both consumer groups have caught up (so redelivered
     * records are through too), then returns every document of the scenario: URL -> the topic ids of each
     * document with that URL (two documents with one URL would be an article indexed twice).
     */
    private static Map<String, List<String>> awaitIndexed(String run) {
        await("all " + N + " articles of " + run + " indexed").atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1)).until(() -> countByRun(run) >= N);
        await("classify-service and search-service caught up").atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> lag("classify-service", "news.articles") == 0
                        && lag("search-service", "news.classified") == 0);
        try {
            refresh();
            JsonNode hits = elasticsearch("/news-articles/_search", "{\"size\":" + N
                    + ",\"track_total_hits\":true,\"_source\":[\"url\",\"topics.id\"],\"query\":{\"prefix\":"
                    + "{\"url\":\"https://fault.example/" + run + "/\"}}}").path("hits");
            assertThat(hits.path("total").path("value").asLong()).as("documents of the scenario")
                    .isEqualTo(hits.path("hits").size());
            Map<String, List<String>> byUrl = new HashMap<>();
            for (JsonNode hit : hits.path("hits")) {
                String topics = hit.path("_source").path("topics").findValuesAsText("id").stream()
                        .collect(Collectors.joining(","));
                byUrl.computeIfAbsent(hit.path("_source").path("url").asText(), u -> new ArrayList<>()).add(topics);
            }
            return byUrl;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countByRun(String run) throws Exception {
        return elasticsearch("/news-articles/_count", "{\"query\":{\"prefix\":{\"url\":\"https://fault.example/"
                + run + "/\"}}}").path("count").asLong();
    }

    private static void refresh() throws Exception {
        HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri().resolve("/news-articles/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static JsonNode elasticsearch(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri().resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The total of the search API for the scenario's marker word, which is in every title of the scenario. */
    private static long searchApiTotal(String run) throws Exception {
        URI uri = stack.service("search-service").uri().resolve("/api/search?size=1&q=" + run);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("total").asLong();
    }

    // --- Kafka -------------------------------------------------------------------------------------------------

    private static long endOffsets(String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return sum(latest(admin, topic));
        }
    }

    private static Map<TopicPartition, Long> latest(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The offsets a group committed on a topic, summed. */
    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return committed(admin, group, topic).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records of {@code topic} that {@code group} has not committed yet. */
    private static long lag(String group, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, Long> end = latest(admin, topic);
            Map<TopicPartition, Long> done = committed(admin, group, topic);
            return end.entrySet().stream().mapToLong(e -> e.getValue() - done.getOrDefault(e.getKey(), 0L)).sum();
        }
    }
}
