package org.newsroommonitor.ingest.poll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.TestIngestConfig;
import org.newsroommonitor.ingest.article.InMemorySeenArticles;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchLimits;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedState;
import org.newsroommonitor.ingest.state.InMemoryFeedStateStore;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.ingest.status.FeedStatus;
import org.newsroommonitor.ingest.status.FeedStatusService;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll loop with the real fetcher against a local server that behaves like real (and rude) feed servers:
 * conditional GET, an ETag that changes without the content changing, 304, 429 with Retry-After, TTL and max-age,
 * backoff and auto-pause, the per-host concurrency limit. Kafka is replaced by a recording publisher.
 */
class PolitePollingTest {

    private static final String JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
             "home_page_url": "https://json-wire.example/", "authors": [{"name": "JSON desk"}],
             "items": [
               {"id": "jf-1", "url": "https://json-wire.example/2024/01/02/first", "title": "First",
                "content_text": "The first story.", "date_published": "2024-01-02T10:00:00Z"},
               {"id": "jf-2", "url": "https://json-wire.example/2024/01/03/second", "title": "Second",
                "content_html": "<p>The second story.</p>", "date_published": "2024-01-03T10:00:00Z"}
             ]}
            """;

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ifNoneMatch = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final List<Article> sent = new CopyOnWriteArrayList<>();
    private final InMemoryFeedStateStore states = new InMemoryFeedStateStore();
    private final TestIngestConfig config = new TestIngestConfig();
    private FeedRegistry registry;
    private FeedScheduler scheduler;
    private FeedStatusService statuses;
    private byte[] feed;

    @BeforeEach
    void start() throws Exception {
        feed = Fixtures.feed("caucasus-wire.rss");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        AtomicInteger etags = new AtomicInteger();
        server.createContext("/new-etag-every-time", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"e" + etags.incrementAndGet() + "\"");
            respond(exchange, 200, feed);
        });
        server.createContext("/conditional", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Cache-Control", "max-age=900");
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, 304, null);
            } else {
                respond(exchange, 200, feed);
            }
        });
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "3600");
            respond(exchange, 429, "slow down".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/broken", exchange -> respond(exchange, 500, "oops".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/ttl", exchange -> respond(exchange, 200, new String(feed, StandardCharsets.UTF_8)
                .replace("<channel>", "<channel><ttl>120</ttl>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/feed.json", exchange ->
                respond(exchange, 200, JSON_FEED.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/site/", exchange -> respond(exchange, 200, ("<!doctype html><html><head>"
                + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"../feed.json\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/ttl\"></head></html>")
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/slowish", exchange -> {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            respond(exchange, 200, feed);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        config.allowedHosts = List.of("127.0.0.1:" + server.getAddress().getPort());
        config.pauseAfterFailures = 3;
        config.fetchThreads = 6;
        config.maxPerHost = 2;
        registry = new FeedRegistry(AllowedHosts.none());
        ArticlePublisher publisher = new ArticlePublisher(null) {
            @Override
            public CompletableFuture<Void> publish(Article article) {
                sent.add(article);
                return CompletableFuture.completedFuture(null);
            }
        };
        Polling polling = Polling.wire(config, new FeedFetcher(FetchLimits.of(config)), publisher, registry, states,
                new InMemorySeenArticles(), feedId -> true, new SimpleMeterRegistry(),
                new PollSchedule(config.pollInterval, config.maxPollInterval, config.maxBackoff, 0.2,
                        config.pauseAfterFailures, () -> 0.0));
        scheduler = polling.scheduler();
        statuses = polling.statuses();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNewEtagWithTheSameContentPublishesNothingAndTheNewEtagIsSentNextTime() {
        Feed feed = add("/new-etag-every-time?x");
        scheduler.pollAll();
        assertThat(sent).hasSize(4);
        assertThat(state(feed).etag()).isEqualTo("\"e1\"");

        scheduler.pollAll();
        assertThat(sent).as("nothing republished").hasSize(4);
        assertThat(state(feed).etag()).isEqualTo("\"e2\"");
        assertThat(statuses.status(feed).itemsSeen()).isEqualTo(4);
        assertThat(statuses.status(feed).newItems()).isZero();
        assertThat(statuses.status(feed).httpStatus()).isEqualTo(200);

        scheduler.pollAll();
        assertThat(ifNoneMatch.get("/new-etag-every-time")).containsExactly(null, "\"e1\"", "\"e2\"");
        assertThat(sent).hasSize(4);
    }

    @Test
    void aNotModifiedFeedKeepsItsStateAndHonoursMaxAge() {
        Feed feed = add("/conditional");
        scheduler.pollAll();
        assertThat(sent).hasSize(4);
        Instant before = Instant.now();
        scheduler.pollAll();

        FeedStatus status = statuses.status(feed);
        assertThat(ifNoneMatch.get("/conditional")).containsExactly(null, "\"v1\"");
        assertThat(status.httpStatus()).isEqualTo(304);
        assertThat(status.itemsSeen()).isEqualTo(4);
        assertThat(status.newItems()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.lastSuccess()).isAfterOrEqualTo(before.minusMillis(5));
        assertThat(status.nextPoll()).as("max-age=900 beats the 5 min poll interval")
                .isBetween(before.plusSeconds(899), before.plusSeconds(905));
        assertThat(sent).hasSize(4);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheServerAsked() {
        Feed feed = add("/busy");
        Instant before = Instant.now();
        scheduler.pollAll();
        FeedStatus status = statuses.status(feed);
        assertThat(status.httpStatus()).isEqualTo(429);
        assertThat(status.lastError()).isEqualTo("the server answered HTTP 429 (too many requests), and asked to wait "
                + "60 min");
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.nextPoll()).isBetween(before.plusSeconds(3599), before.plusSeconds(3605));
        assertThat(scheduler.pollDue(Instant.now().plusSeconds(1800))).as("not due before Retry-After").isEmpty();
        assertThat(scheduler.pollDue(Instant.now().plusSeconds(3700))).hasSize(1);
    }

    @Test
    void failuresBackOffAndPauseTheFeedUntilResumed() {
        Feed feed = add("/broken");
        Instant before = Instant.now();
        scheduler.pollAll();
        assertThat(statuses.status(feed).nextPoll()).isBetween(before.plusSeconds(299), before.plusSeconds(305));
        scheduler.pollAll();
        assertThat(statuses.status(feed).nextPoll()).isBetween(before.plusSeconds(599), before.plusSeconds(605));
        assertThat(statuses.status(feed).paused()).isFalse();
        scheduler.pollAll();

        FeedStatus paused = statuses.status(feed);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.consecutiveFailures()).isEqualTo(3);
        assertThat(paused.pausedReason()).isEqualTo("paused automatically after 3 failed polls in a row (the last: "
                + "the server answered HTTP 500 (server error)); resume with PATCH /api/feeds/" + feed.id()
                + " {\"paused\": false}");
        assertThat(paused.nextPoll()).isNull();
        scheduler.pollAll();
        assertThat(scheduler.pollDue(Instant.now().plusSeconds(86400))).isEmpty();
        assertThat(hits.get("/broken")).hasValue(3);

        statuses.resume(feed);
        assertThat(statuses.status(feed).paused()).isFalse();
        scheduler.pollAll();
        assertThat(hits.get("/broken")).hasValue(4);
        assertThat(statuses.status(feed).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aJsonFeedEndsUpAsPublishedArticles() {
        Feed feed = add("/feed.json");
        scheduler.pollAll();

        assertThat(sent).hasSize(2);
        Article first = sent.stream().filter(article -> "jf-1".equals(article.guid())).findFirst().orElseThrow();
        assertThat(first.url()).isEqualTo("https://json-wire.example/2024/01/02/first");
        assertThat(first.title()).isEqualTo("First");
        assertThat(first.text()).isEqualTo("The first story.");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(first.authors()).containsExactly("JSON desk");
        assertThat(first.sources()).containsExactly(
                new ArticleSource(base + "/feed.json", "JSON Wire", "https://json-wire.example/"));
        assertThat(sent).extracting(Article::guid).containsExactlyInAnyOrder("jf-1", "jf-2");
        FeedStatus status = statuses.status(feed);
        assertThat(status.itemsSeen()).isEqualTo(2);
        assertThat(status.newItems()).isEqualTo(2);
        assertThat(status.lastError()).isNull();
    }

    @Test
    void aWebPageIsReportedWithTheFeedsItLinksTo() {
        Feed feed = add("/site/index.html");
        scheduler.pollAll();

        assertThat(sent).isEmpty();
        assertThat(statuses.status(feed).lastError()).isEqualTo("this is a web page (HTML), not a feed; it links to "
                + "these feeds: " + base + "/feed.json, " + base + "/ttl");
    }

    @Test
    void theFeedsTtlIsHonoured() {
        Feed feed = add("/ttl");
        Instant before = Instant.now();
        scheduler.pollAll();
        assertThat(statuses.status(feed).nextPoll()).isBetween(before.plusSeconds(7199), before.plusSeconds(7205));
        assertThat(state(feed).ttlSeconds()).isEqualTo(7200);
    }

    @Test
    void atMostTwoFetchesRunAgainstOneHost() {
        for (int i = 0; i < 6; i++) {
            add("/slowish?feed=" + i);
        }
        scheduler.pollAll();
        assertThat(hits.get("/slowish")).hasValue(6);
        assertThat(maxRunning).hasValue(2);
    }

    private Feed add(String path) {
        Feed feed = Feed.of(base + path, null, "env");
        registry.putInitial(feed);
        return feed;
    }

    private FeedState state(Feed feed) {
        return states.get(feed.id()).orElseThrow();
    }

    private void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        ifNoneMatch.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(exchange.getRequestHeaders().getFirst("If-None-Match"));
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
