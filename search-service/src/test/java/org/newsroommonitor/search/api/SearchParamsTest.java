package org.newsroommonitor.search.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchParamsTest {

    static SearchParams parse(String q, List<String> topics, String from, String to, String size) {
        return SearchParams.parse(q, topics, from, to, size, 20, 100, 1000);
    }

    @Test
    void blankQueryMeansEverything() {
        assertThat(parse(null, null, null, null, null).query()).isNull();
        assertThat(parse("   ", null, null, null, null).query()).isNull();
        assertThat(parse("  Lachin ", null, null, null, null).query()).isEqualTo("Lachin");
    }

    @Test
    void sizeDefaultsAndIsCapped() {
        assertThat(parse(null, null, null, null, null).size()).isEqualTo(20);
        assertThat(parse(null, null, null, null, "").size()).isEqualTo(20);
        assertThat(parse(null, null, null, null, "7").size()).isEqualTo(7);
        assertThat(parse(null, null, null, null, "0").size()).isZero();
        assertThat(parse(null, null, null, null, "100").size()).isEqualTo(100);
        assertThat(parse(null, null, null, null, "101").size()).isEqualTo(100);
        assertThat(parse(null, null, null, null, "100000").size()).isEqualTo(100);
        assertThatThrownBy(() -> parse(null, null, null, null, "-1")).isInstanceOf(BadSearchRequestException.class);
        assertThatThrownBy(() -> parse(null, null, null, null, "ten")).isInstanceOf(BadSearchRequestException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> parse(null, null, null, null, "99999999999")).isInstanceOf(BadSearchRequestException.class);
    }

    @Test
    void datesAndInstants() {
        SearchParams days = parse(null, null, "2023-09-12", "2023-09-13", null);
        assertThat(days.from()).isEqualTo(Instant.parse("2023-09-12T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2023-09-13T23:59:59.999Z"));

        SearchParams instants = parse(null, null, "2023-09-12T14:05:00Z", "2023-09-12T16:05:00+02:00", null);
        assertThat(instants.from()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
        assertThat(instants.to()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));

        assertThat(parse(null, null, "2023-09-12T14:05", null, null).from()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
    }

    @Test
    void badDatesAreRejectedWithTheParameterName() {
        assertThatThrownBy(() -> parse(null, null, "yesterday", null, null))
                .isInstanceOf(BadSearchRequestException.class).hasMessageContaining("from").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> parse(null, null, null, "2023-13-45", null))
                .isInstanceOf(BadSearchRequestException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> parse(null, null, "2023-09-14", "2023-09-12", null))
                .isInstanceOf(BadSearchRequestException.class).hasMessageContaining("after");
    }

    @Test
    void topicsAreTrimmedAndDeduplicated() {
        assertThat(parse(null, Arrays.asList(" blockade", "", null, "blockade", "shortage"), null, null, null).topics())
                .containsExactly("blockade", "shortage");
    }

    @Test
    void overlongQueryIsRejected() {
        assertThatThrownBy(() -> parse("a".repeat(1001), null, null, null, null))
                .isInstanceOf(BadSearchRequestException.class).hasMessageContaining("1000");
    }
}
