package org.newsroommonitor.ingest.state;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.fetch.FetchOutcome;
import org.newsroommonitor.ingest.fetch.FetchResult;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** How a poll moves a feed's state on. */
class FeedStateTest {

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofMinutes(5), Duration.ofHours(6),
            Duration.ofHours(6), 0.2, 2, () -> 0.0);
    private static final FeedState NEW = FeedState.initial("f1", "https://wire.example/rss");

    @Test
    void aNewFeedIsDueAtOnce() {
        assertThat(NEW.dueAt(AT)).isTrue();
        assertThat(NEW.pausedAutomatically()).isFalse();
    }

    @Test
    void aFetchedFeedKeepsItsValidatorsBodyAndTtl() {
        FeedState fetched = NEW.fetched(AT, response(Map.of("ETag", "\"e1\"", "Cache-Control", "max-age=60")),
                "hash-1", Duration.ofMinutes(20), new PollReport(4, 3, 1, null, false, 2, null), SCHEDULE);

        assertThat(fetched).isEqualTo(new FeedState("f1", "https://wire.example/rss", "\"e1\"", null, "hash-1", AT,
                AT, 200, 4, 3, 1, null, null, 0, AT.plus(Duration.ofMinutes(20)), null, 1200, 2, null));
        assertThat(fetched.alreadyRead("hash-1")).isTrue();
        assertThat(fetched.dueAt(AT.plusSeconds(60))).isFalse();
    }

    @Test
    void aBodyNotFullyPublishedIsReadAgain() {
        FeedState fetched = NEW.fetched(AT, response(Map.of()), "hash-1", null,
                new PollReport(4, 3, 0, "1 of 4 articles could not be published", true, 0, null), SCHEDULE);

        assertThat(fetched.bodyHash()).isNull();
        assertThat(fetched.lastErrorKind()).isEqualTo(FeedState.PUBLISH_ERROR);
        assertThat(fetched.alreadyRead("hash-1")).isFalse();
    }

    @Test
    void theRepairsOfTheLastBodyReadStayUntilANewBodyIsRead() {
        FeedState repaired = NEW.fetched(AT, response(Map.of()), "hash-1", null,
                new PollReport(3, 3, 0, null, false, 0, "1 broken item was dropped"), SCHEDULE);
        assertThat(repaired.lastRepair()).isEqualTo("1 broken item was dropped");

        FeedState unchanged = repaired.unchanged(AT.plusSeconds(60), 304, headers(Map.of()), SCHEDULE);
        assertThat(unchanged.lastRepair()).as("a 304: the body read is the same").isEqualTo("1 broken item was dropped");
        FeedState failed = unchanged.failed(AT.plusSeconds(120),
                new FetchResult.Failed(FetchOutcome.HTTP_ERROR, 500, "the server answered 500"), SCHEDULE);
        assertThat(failed.lastRepair()).isEqualTo("1 broken item was dropped");
        assertThat(failed.resumed().lastRepair()).isEqualTo("1 broken item was dropped");

        FeedState readAsServed = failed.fetched(AT.plusSeconds(180), response(Map.of()), "hash-2", null,
                new PollReport(4, 1, 0, null, false, 0, null), SCHEDULE);
        assertThat(readAsServed.lastRepair()).isNull();
    }

    @Test
    void anUnchangedFeedRenewsOnlyWhatTheResponseSent() {
        FeedState before = NEW.fetched(AT, response(Map.of("ETag", "\"e1\"", "Last-Modified", "Mon")), "hash-1",
                Duration.ofMinutes(20), new PollReport(4, 4, 0, null, false, 0, null), SCHEDULE);
        Instant later = AT.plusSeconds(3600);

        FeedState unchanged = before.unchanged(later, 304, headers(Map.of("ETag", "\"e2\"")), SCHEDULE);

        assertThat(unchanged.etag()).isEqualTo("\"e2\"");
        assertThat(unchanged.lastModified()).isEqualTo("Mon");
        assertThat(unchanged.bodyHash()).isEqualTo("hash-1");
        assertThat(unchanged.itemsSeen()).isEqualTo(4);
        assertThat(unchanged.newItems()).isZero();
        assertThat(unchanged.httpStatus()).isEqualTo(304);
        assertThat(unchanged.nextPoll()).as("the feed's TTL still counts").isEqualTo(later.plusSeconds(1200));
    }

    @Test
    void failuresBackOffThenPauseUntilResumed() {
        FetchResult.Failed failure = new FetchResult.Failed(FetchOutcome.HTTP_ERROR, 500, "the server answered 500");

        FeedState once = NEW.failed(AT, failure, SCHEDULE);
        assertThat(once.consecutiveFailures()).isEqualTo(1);
        assertThat(once.lastErrorKind()).isEqualTo("http_error");
        assertThat(once.nextPoll()).isEqualTo(AT.plus(Duration.ofMinutes(5)));
        assertThat(once.pausedAutomatically()).isFalse();

        FeedState twice = once.failed(AT, failure, SCHEDULE);
        assertThat(twice.pausedReason()).isEqualTo("paused automatically after 2 failed polls in a row (the last: "
                + "the server answered 500); resume with PATCH /api/feeds/f1 {\"paused\": false}");

        FeedState resumed = twice.resumed();
        assertThat(resumed.pausedAutomatically()).isFalse();
        assertThat(resumed.consecutiveFailures()).isZero();
        assertThat(resumed.dueAt(AT)).isTrue();
        assertThat(resumed.lastError()).isEqualTo("the server answered 500");
    }

    private static FetchResult.Fetched response(Map<String, String> headers) {
        return new FetchResult.Fetched(URI.create("https://wire.example/rss"), 200, headers(headers), new byte[0]);
    }

    private static HttpHeaders headers(Map<String, String> headers) {
        return HttpHeaders.of(headers.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> List.of(entry.getValue()))), (name, value) -> true);
    }
}
