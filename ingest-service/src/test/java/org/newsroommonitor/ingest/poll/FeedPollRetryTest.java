package org.newsroommonitor.ingest.poll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.TestIngestConfig;
import org.newsroommonitor.ingest.article.InMemorySeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchLimits;
import org.newsroommonitor.ingest.fetch.FetchResult;
import org.newsroommonitor.ingest.fetch.Validators;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.InMemoryFeedStateStore;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.ingest.status.FeedStatus;
import org.newsroommonitor.messages.Article;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll loop without Kafka: an article Kafka did not confirm is not remembered, so the next poll retries it; a
 * body that is no feed is reported; entries sharing a link or listed twice are told apart or merged, and counted.
 */
class FeedPollRetryTest {

    private static final String FEED_URL = "http://feeds.example/caucasus-wire.rss";
    private static final String FLOUR_ID = "41db6b7eb3413543de3616f4d15b30a5";

    private final FlakyPublisher publisher = new FlakyPublisher();
    private final InMemorySeenArticles seen = new InMemorySeenArticles();
    private final InMemoryFeedStateStore states = new InMemoryFeedStateStore();
    private final FeedRegistry registry = registry();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FetchResult nextFetch;

    private final Polling polling = Polling.wire(config(), new FeedFetcher(FetchLimits.of(config())) {
        @Override
        public FetchResult fetch(String feedUrl, Validators validators) {
            return nextFetch;
        }
    }, publisher, registry, states, seen, feedId -> true, meters, new PollSchedule(config()));

    @Test
    void anArticleKafkaDidNotConfirmIsPublishedAgainAtTheNextPoll() throws Exception {
        nextFetch = fetched(Fixtures.feed("caucasus-wire.rss"));
        publisher.failing.add(FLOUR_ID);

        polling.scheduler().pollAll();

        assertThat(publisher.sent).hasSize(4);
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.find(FLOUR_ID)).isEmpty();
        FeedStatus status = status();
        assertThat(status.newItems()).isEqualTo(3);
        assertThat(status.lastError()).isEqualTo("1 of 4 articles could not be published to Kafka "
                + "(java.lang.IllegalStateException: broker unavailable); they are retried at the next poll");
        assertThat(meters.get("newsroom.ingest.publish.failures").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("newsroom.ingest.articles.published").counter().count()).isEqualTo(3.0);

        publisher.failing.clear();
        publisher.sent.clear();
        polling.scheduler().pollAll();

        assertThat(publisher.sent).extracting(Article::id).containsExactly(FLOUR_ID);
        assertThat(publisher.sent.get(0).revision()).isEqualTo(1);
        assertThat(seen.find(FLOUR_ID)).isPresent();
        assertThat(status().lastError()).isNull();
        assertThat(status().newItems()).isEqualTo(1);
    }

    @Test
    void aFeedThatCannotBeParsedIsReportedAndCounted() {
        nextFetch = fetched("<rss><channel>".getBytes());

        polling.scheduler().pollAll();

        FeedStatus status = status();
        assertThat(status.httpStatus()).isEqualTo(200);
        assertThat(status.lastError()).startsWith("the feed is not well-formed XML");
        assertThat(status.lastSuccess()).isNull();
        assertThat(meters.get("newsroom.ingest.fetches").tag("outcome", "parse_error").counter().count())
                .isEqualTo(1.0);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aFeedReadOnlyAfterARepairSaysSoInItsStatusUntilItIsReadAsServed() {
        String fixture = new String(Fixtures.feed("caucasus-wire.rss"), StandardCharsets.UTF_8);
        nextFetch = fetched(fixture.substring(0, fixture.indexOf("<guid isPermaLink=\"false\">caucasus-wire-2023-0915"))
                .getBytes(StandardCharsets.UTF_8));

        polling.scheduler().pollAll();

        FeedStatus cut = status();
        assertThat(cut.itemsSeen()).isEqualTo(3);
        assertThat(cut.newItems()).isEqualTo(3);
        assertThat(cut.lastError()).isNull();
        assertThat(cut.lastRepair())
                .isEqualTo("the document was cut off after 3 complete items; the incomplete rest was dropped");
        assertThat(publisher.sent).extracting(Article::title).containsExactly(
                "Russian Red Cross truck reaches Karabakh through Aghdam", "Bread rationed in Stepanakert",
                "Lachin corridor to reopen, officials say");

        nextFetch = fetched(fixture.getBytes(StandardCharsets.UTF_8));
        polling.scheduler().pollAll();

        assertThat(status().itemsSeen()).isEqualTo(4);
        assertThat(status().lastRepair()).isNull();
    }

    @Test
    void aFeedSentCompressedWithoutSayingSoSaysItWasDecoded() {
        nextFetch = new FetchResult.Fetched(URI.create(FEED_URL), 200, HttpHeaders.of(Map.of(), (name, value) -> true),
                Fixtures.feed("caucasus-wire.rss"), "gzip");

        polling.scheduler().pollAll();

        assertThat(status().itemsSeen()).isEqualTo(4);
        assertThat(status().lastRepair())
                .isEqualTo("the body was gzip-compressed data sent without a Content-Encoding; it was decoded");
    }

    @Test
    void aFeedSentCompressedWithoutSayingSoAndStillUnreadableSaysBoth() {
        nextFetch = new FetchResult.Fetched(URI.create(FEED_URL), 200, HttpHeaders.of(Map.of(), (name, value) -> true),
                "{\"items\": []}".getBytes(), "gzip");

        polling.scheduler().pollAll();

        assertThat(status().lastError()).isEqualTo("the body was gzip-compressed data sent without a "
                + "Content-Encoding; decoded: JSON, but not a JSON Feed (a JSON Feed is an object whose \"version\" "
                + "is https://jsonfeed.org/version/1 or /version/1.1)");
    }

    @Test
    void episodesSharingALinkAreAllPublishedAndAnItemListedTwiceIsMergedAndCounted() {
        String episode = "<item><title>Episode %d</title><link>https://radio.example/</link>"
                + "<guid isPermaLink=\"false\">ep-%d</guid></item>";
        String items = String.format(episode, 1, 1) + String.format(episode, 2, 2) + String.format(episode, 3, 3)
                + String.format(episode, 2, 2) + "<item><title>Checkpoint closed</title></item>";
        nextFetch = fetched(("<rss version=\"2.0\"><channel><title>Radio</title><link>https://radio.example/</link>"
                + "<description>d</description>" + items + "</channel></rss>").getBytes());

        polling.scheduler().pollAll();

        assertThat(publisher.sent).extracting(Article::title)
                .containsExactly("Episode 1", "Episode 2", "Episode 3", "Checkpoint closed");
        FeedStatus status = status();
        assertThat(status.itemsSeen()).isEqualTo(5);
        assertThat(status.newItems()).isEqualTo(4);
        assertThat(status.mergedItems()).isEqualTo(1);
        assertThat(status.lastError()).as("a repeated item is no error of the poll").isNull();
        assertThat(meters.get("newsroom.ingest.feed.entries.merged").counter().count()).isEqualTo(1.0);
    }

    private static FetchResult fetched(byte[] body) {
        return new FetchResult.Fetched(URI.create(FEED_URL), 200,
                HttpHeaders.of(Map.of("Content-Type", List.of("application/rss+xml")), (name, value) -> true), body);
    }

    /** Records what it is asked to send; nacks the ids in {@link #failing}. */
    private static final class FlakyPublisher extends ArticlePublisher {
        final List<Article> sent = new ArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        FlakyPublisher() {
            super(null);
        }

        @Override
        public CompletableFuture<Void> publish(Article article) {
            sent.add(article);
            return failing.contains(article.id())
                    ? CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"))
                    : CompletableFuture.completedFuture(null);
        }
    }

    private FeedStatus status() {
        return polling.statuses().statuses().get(0);
    }

    private static FeedRegistry registry() {
        FeedRegistry registry = new FeedRegistry(AllowedHosts.none());
        registry.putInitial(Feed.of(FEED_URL, null, "env"));
        return registry;
    }

    private static IngestConfig config() {
        TestIngestConfig config = new TestIngestConfig();
        config.feeds = List.of(FEED_URL);
        return config;
    }
}
