package org.newsroommonitor.ingest.statetopic;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.TestIngestConfig;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchLimits;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.poll.Polling;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.messages.Article;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feed state in a compacted topic of the real Kafka broker: it survives a restart (nothing is published twice),
 * registry changes reach the other replicas, and two replicas split the feeds so that each is polled by exactly one,
 * the survivor taking all of them when the other leaves; a replica started before the topic exists waits for it.
 * Each test has its own topic and owner group, and its own {@link FeedStateTopic} instances beside the running
 * service's.
 */
@QuarkusTest // shares the broker of the other Quarkus tests (a plain test would start a second one in this JVM)
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedStateTopicTest {

    private final String topic = "feed-state-test-" + UUID.randomUUID();
    private final String group = "owners-" + UUID.randomUUID();
    private final List<FeedStateTopic> stores = new ArrayList<>();
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void createTopic() throws Exception {
        IngestTestResource.createStateTopic(topic, 6);
        byte[] feed = Fixtures.feed("caucasus-wire.rss");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.rss", exchange -> {
            ifNoneMatch.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
            exchange.getResponseHeaders().add("ETag", "\"wire-1\"");
            if ("\"wire-1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        stores.forEach(FeedStateTopic::close);
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void stateSurvivesARestartSoNothingIsPublishedTwice() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.rss";
        Feed feed = Feed.of(url, "Wire", "env");

        FeedRegistry registry = registry(feed);
        FeedStateTopic first = store(registry);
        List<Article> sent = new CopyOnWriteArrayList<>();
        polling(first, registry, sent).scheduler().pollAll();
        assertThat(sent).hasSize(4);
        assertThat(first.feedStates().get(feed.id()).orElseThrow().etag()).isEqualTo("\"wire-1\"");
        first.close();

        FeedRegistry registryAfterRestart = registry(feed);
        FeedStateTopic second = store(registryAfterRestart);
        assertThat(second.ownership().awaitReady()).isTrue();
        assertThat(second.seenArticles().size()).as("published articles remembered").isEqualTo(4);
        assertThat(second.feedStates().get(feed.id()).orElseThrow().itemsSeen()).isEqualTo(4);

        List<Article> sentAfterRestart = new CopyOnWriteArrayList<>();
        Polling restarted = polling(second, registryAfterRestart, sentAfterRestart);
        restarted.scheduler().pollAll();
        assertThat(sentAfterRestart).as("nothing republished after the restart").isEmpty();
        assertThat(ifNoneMatch).as("the validators survived too").containsExactly("null", "\"wire-1\"");
        assertThat(restarted.statuses().status(feed).httpStatus()).isEqualTo(304);

        // and without the validators (the feed's state lost), the article ids alone still prevent a republish
        second.feedStates().remove(feed.id());
        restarted.scheduler().pollAll();
        assertThat(sentAfterRestart).isEmpty();
    }

    @Test
    void registryChangesReachTheOtherReplicas() {
        FeedRegistry registryA = new FeedRegistry(AllowedHosts.of(List.of("127.0.0.1:8090")));
        FeedRegistry registryB = new FeedRegistry(AllowedHosts.none());
        store(registryA).ownership().awaitReady();
        store(registryB).ownership().awaitReady();

        Feed added;
        try {
            added = registryA.add("http://127.0.0.1:8090/feeds/added.rss", "Added", "api");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> registryB.find(added.id()).isPresent());
        assertThat(registryB.find(added.id()).orElseThrow().name()).isEqualTo("Added");

        registryA.update(added.id(), true, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> registryB.find(added.id()).orElseThrow().paused());
        registryA.remove(added.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> registryB.find(added.id()).isEmpty());
    }

    @Test
    void twoReplicasSplitTheFeedsAndTheSurvivorTakesThemAll() {
        List<String> feedIds = IntStream.range(0, 60).mapToObj(i -> Feed.idOf("https://feeds.example/" + i)).toList();
        FeedStateTopic a = store(new FeedRegistry(AllowedHosts.none()));
        FeedStateTopic b = store(new FeedRegistry(AllowedHosts.none()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<Integer> union = new HashSet<>(a.ownedPartitions());
            union.addAll(b.ownedPartitions());
            assertThat(union).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            // both non-empty first: AssertJ refuses an empty set to compare with (an error, not a failed wait)
            assertThat(a.ownedPartitions()).isNotEmpty();
            assertThat(b.ownedPartitions()).isNotEmpty();
            assertThat(a.ownedPartitions()).doesNotContainAnyElementsOf(b.ownedPartitions());
        });
        for (String id : feedIds) {
            assertThat(a.ownership().owns(id) ^ b.ownership().owns(id))
                    .as("feed %s polled by exactly one replica", id).isTrue();
        }
        long ownedByA = feedIds.stream().filter(a.ownership()::owns).count();
        assertThat(ownedByA).isBetween(1L, 59L);

        a.close(); // leaves the group, as a replica does when it stops; a dead one is noticed at session timeout
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(b.ownedPartitions()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5));
        assertThat(feedIds).allMatch(b.ownership()::owns);
    }

    @Test
    void aStaticMemberThatStopsHandsItsFeedsOverAtOnce() {
        // a 30 s session: without leaving the group on close, the survivor would wait for it to time out
        FeedStateTopic a = store(topic, staticMember("replica-a"), new FeedRegistry(AllowedHosts.none()));
        FeedStateTopic b = store(topic, staticMember("replica-b"), new FeedRegistry(AllowedHosts.none()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(a.ownedPartitions()).isNotEmpty();
            assertThat(b.ownedPartitions()).isNotEmpty();
            Set<Integer> union = new HashSet<>(a.ownedPartitions());
            union.addAll(b.ownedPartitions());
            assertThat(union).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        });

        long closing = System.nanoTime();
        a.close();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(b.ownedPartitions()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5));
        assertThat(Duration.ofNanos(System.nanoTime() - closing))
                .as("hand-over after a static member stopped, well inside its 30 s session")
                .isLessThan(Duration.ofSeconds(15));
    }

    private OwnerGroup staticMember(String instanceId) {
        return new OwnerGroup(group,
                ConsumerGroupConfig.of(Duration.ofSeconds(30), Duration.ofSeconds(3), Optional.of(instanceId)));
    }

    @Test
    void aReplicaStartedBeforeTheTopicExistsWaitsForIt() {
        String missing = "feed-state-later-" + UUID.randomUUID();
        FeedStateTopic early = store(missing, new FeedRegistry(AllowedHosts.none()));
        assertThat(early.ownership().ready()).isFalse();

        IngestTestResource.createStateTopic(missing, 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> early.ownership().ready());
        assertThat(early.ownedPartitions()).containsExactly(0, 1);
        assertThat(early.ownership().owns(Feed.idOf("https://feeds.example/any"))).isTrue();
    }

    private FeedStateTopic store(FeedRegistry registry) {
        return store(topic, registry);
    }

    private FeedStateTopic store(String topicName, FeedRegistry registry) {
        return store(topicName,
                new OwnerGroup(group, ConsumerGroupConfig.of(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.empty())),
                registry);
    }

    private FeedStateTopic store(String topicName, OwnerGroup owners, FeedRegistry registry) {
        FeedStateTopic store = new FeedStateTopic(TestServers.kafka().bootstrapServers(), topicName, owners,
                Duration.ofSeconds(60), registry);
        stores.add(store);
        return store;
    }

    private static FeedRegistry registry(Feed feed) {
        FeedRegistry registry = new FeedRegistry(AllowedHosts.none());
        registry.putInitial(feed);
        return registry;
    }

    private Polling polling(FeedStateTopic state, FeedRegistry registry, List<Article> sent) {
        TestIngestConfig config = new TestIngestConfig();
        config.allowedHosts = List.of("127.0.0.1:" + server.getAddress().getPort());
        ArticlePublisher publisher = new ArticlePublisher(null) {
            @Override
            public CompletableFuture<Void> publish(Article article) {
                sent.add(article);
                return CompletableFuture.completedFuture(null);
            }
        };
        return Polling.wire(config, new FeedFetcher(FetchLimits.of(config)), publisher, registry, state.feedStates(),
                state.seenArticles(), state.ownership(), new SimpleMeterRegistry(), new PollSchedule(config));
    }
}
