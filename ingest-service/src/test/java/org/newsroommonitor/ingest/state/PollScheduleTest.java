package org.newsroommonitor.ingest.state;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.fetch.HttpCaching;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration FIVE_MIN = Duration.ofMinutes(5);

    private final PollSchedule noJitter = new PollSchedule(FIVE_MIN, Duration.ofHours(6), Duration.ofHours(1), 0.2,
            10, () -> 0.0);

    @Test
    void afterSuccessThePollIntervalUnlessTheFeedAsksForLonger() {
        assertThat(noJitter.afterSuccess(NOW, null, null)).isEqualTo(NOW.plus(FIVE_MIN));
        assertThat(noJitter.afterSuccess(NOW, Duration.ofMinutes(60), null)).isEqualTo(NOW.plusSeconds(3600));
        assertThat(noJitter.afterSuccess(NOW, Duration.ofMinutes(1), Duration.ofMinutes(15)))
                .isEqualTo(NOW.plusSeconds(900));
        assertThat(noJitter.afterSuccess(NOW, null, Duration.ofSeconds(10))).isEqualTo(NOW.plus(FIVE_MIN));
        assertThat(noJitter.afterSuccess(NOW, Duration.ofDays(7), null)).as("capped")
                .isEqualTo(NOW.plusSeconds(6 * 3600));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        assertThat(noJitter.afterFailure(NOW, 1, null)).isEqualTo(NOW.plus(FIVE_MIN));
        assertThat(noJitter.afterFailure(NOW, 2, null)).isEqualTo(NOW.plusSeconds(600));
        assertThat(noJitter.afterFailure(NOW, 3, null)).isEqualTo(NOW.plusSeconds(1200));
        assertThat(noJitter.afterFailure(NOW, 4, null)).isEqualTo(NOW.plusSeconds(2400));
        assertThat(noJitter.afterFailure(NOW, 5, null)).isEqualTo(NOW.plusSeconds(3600));
        assertThat(noJitter.afterFailure(NOW, 500, null)).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void jitterTakesUpToItsFractionOff() {
        PollSchedule fullJitter = new PollSchedule(FIVE_MIN, Duration.ofHours(6), Duration.ofHours(1), 0.2,
                10, () -> 0.999999);
        Instant next = fullJitter.afterFailure(NOW, 3, null);
        assertThat(next).isAfter(NOW.plusSeconds(959)).isBefore(NOW.plusSeconds(961)); // 1200 s less 20 %
        PollSchedule halfJitter = new PollSchedule(FIVE_MIN, Duration.ofHours(6), Duration.ofHours(1), 0.2,
                10, () -> 0.5);
        assertThat(halfJitter.afterFailure(NOW, 3, null)).isEqualTo(NOW.plusSeconds(1080));
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        assertThat(noJitter.afterFailure(NOW, 1, Duration.ofMinutes(30))).isEqualTo(NOW.plusSeconds(1800));
        assertThat(noJitter.afterFailure(NOW, 5, Duration.ofSeconds(1))).isEqualTo(NOW.plusSeconds(3600));
        assertThat(noJitter.afterFailure(NOW, 1, Duration.ofDays(30))).isEqualTo(NOW.plusSeconds(6 * 3600));
    }

    @Test
    void readsMaxAgeAndRetryAfter() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Cache-Control", List.of("public, s-maxage=60, max-age=900")),
                (a, b) -> true);
        assertThat(HttpCaching.maxAge(headers)).isEqualTo(Duration.ofSeconds(900));
        assertThat(HttpCaching.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpCaching.retryAfter("Mon, 01 Jan 2024 00:10:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(HttpCaching.retryAfter("soon", NOW)).isNull();
    }
}
