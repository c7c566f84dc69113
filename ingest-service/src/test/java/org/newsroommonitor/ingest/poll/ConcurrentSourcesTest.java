package org.newsroommonitor.ingest.poll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.newsroommonitor.ingest.TestIngestConfig;
import org.newsroommonitor.ingest.article.ArticleId;
import org.newsroommonitor.ingest.article.InMemorySeenArticles;
import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchLimits;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.InMemoryFeedStateStore;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two feeds carrying the same items, fetched at the same moment (the server answers neither request before both have
 * arrived) and published to a broker that takes its time to acknowledge: every article ends up listing both feeds,
 * whichever was read first, and is published once as revision 1 and once as revision 2.
 */
class ConcurrentSourcesTest {

    private static final int ITEMS = 40;

    private final List<Article> sent = new CopyOnWriteArrayList<>();
    private final InMemorySeenArticles seen = new InMemorySeenArticles();
    private final TestIngestConfig config = new TestIngestConfig();
    private final CountDownLatch bothAsked = new CountDownLatch(2);
    private HttpServer server;
    private String base;
    private FeedScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/a.rss", exchange -> respondWhenBothAsked(exchange, feed("Wire A")));
        server.createContext("/b.rss", exchange -> respondWhenBothAsked(exchange, feed("Wire B")));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        config.allowedHosts = List.of("127.0.0.1:" + server.getAddress().getPort());
        config.fetchThreads = 4;
        config.maxPerHost = 2;
        FeedRegistry registry = new FeedRegistry(AllowedHosts.none());
        registry.putInitial(Feed.of(base + "/a.rss", null, "env"));
        registry.putInitial(Feed.of(base + "/b.rss", null, "env"));
        ArticlePublisher slowBroker = new ArticlePublisher(null) {
            @Override
            public CompletableFuture<Void> publish(Article article) {
                sent.add(article);
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            }
        };
        scheduler = Polling.wire(config, new FeedFetcher(FetchLimits.of(config)), slowBroker, registry,
                new InMemoryFeedStateStore(), seen, feedId -> true, new SimpleMeterRegistry(),
                new PollSchedule(config)).scheduler();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @RepeatedTest(3)
    void twoFeedsPolledAtOnceAreBothSourcesOfEveryArticle() {
        scheduler.pollAll();

        assertThat(bothAsked.getCount()).as("both feeds were fetched at the same time").isZero();
        List<String> ids = IntStream.rangeClosed(1, ITEMS)
                .mapToObj(i -> ArticleId.ofCanonicalUrl("https://shared.example/story-" + i)).toList();
        Map<String, List<Article>> byId = sent.stream().collect(Collectors.groupingBy(Article::id));
        assertThat(byId).containsOnlyKeys(ids);
        for (String id : ids) {
            List<Article> revisions = byId.get(id).stream().sorted(Comparator.comparingLong(Article::revision))
                    .toList();
            assertThat(revisions).extracting(Article::revision).as(id).containsExactly(1L, 2L);
            assertThat(revisions.get(0).sources()).hasSize(1);
            assertThat(revisions.get(1).sources()).extracting(ArticleSource::feedUrl).as(id)
                    .containsExactlyInAnyOrder(base + "/a.rss", base + "/b.rss");
            assertThat(seen.find(id)).map(SeenArticle::sources).get().asList().hasSize(2);
        }

        sent.clear();
        scheduler.pollAll();
        assertThat(sent).as("nothing new at the next poll").isEmpty();
    }

    private void respondWhenBothAsked(HttpExchange exchange, byte[] body) throws IOException {
        bothAsked.countDown();
        try {
            bothAsked.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] feed(String title) {
        String items = IntStream.rangeClosed(1, ITEMS).mapToObj(i -> "<item><title>Story " + i + "</title>"
                + "<link>https://shared.example/story-" + i + "</link><description>Story " + i + " told by "
                + title + ".</description></item>").collect(Collectors.joining());
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>https://shared.example/</link><description>d</description>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
