package org.newsroommonitor.search.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchParamsTest {

    static SearchParams parse(String q, List<String> topics, String from, String to, String size) {
        return SearchParams.parse(new SearchParams.Raw(q, topics, null, null, null, null, from, to, null, size, null,
                null, null), new SearchParams.Limits(20, 100, 1000));
    }

    @Test
    void blankQueryMeansEverything() {
        assertThat(parse(null, null, null, null, null).query()).isNull();
        assertThat(parse("   ", null, null, null, null).query()).isNull();
        assertThat(parse("  Lachin ", null, null, null, null).query().normalized()).isEqualTo("Lachin");
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

    static SearchParams full(String q, String sort, String cursor, String interval, String facets) {
        return SearchParams.parse(new SearchParams.Raw(q, List.of("blockade"), List.of("aghdam", " "),
                List.of("icrc"), List.of("Caucasus Wire"), List.of("en", "en"), null, null, sort, null, cursor,
                interval, facets), new SearchParams.Limits(20, 100, 1000));
    }

    @Test
    void filtersAreTrimmedAndDeduplicated() {
        SearchParams p = full("aid", null, null, null, null);
        assertThat(p.places()).containsExactly("aghdam");
        assertThat(p.organisations()).containsExactly("icrc");
        assertThat(p.sources()).containsExactly("Caucasus Wire");
        assertThat(p.languages()).containsExactly("en");
        assertThat(p.facets()).isTrue();
        assertThat(p.interval()).isEqualTo(HistogramInterval.AUTO);
    }

    @Test
    void sortDefaultsToRelevanceWithAQueryAndNewestWithout() {
        assertThat(full("aid", null, null, null, null).effectiveSort()).isEqualTo(SearchParams.Sort.RELEVANCE);
        assertThat(full("aid", "newest", null, null, null).effectiveSort()).isEqualTo(SearchParams.Sort.NEWEST);
        assertThat(full(null, "relevance", null, null, null).effectiveSort()).isEqualTo(SearchParams.Sort.NEWEST);
        assertThat(full("*", "relevance", null, null, null).effectiveSort()).isEqualTo(SearchParams.Sort.NEWEST);
        assertThatThrownBy(() -> full("aid", "oldest", null, null, null)).isInstanceOf(BadSearchRequestException.class)
                .hasMessageContaining("relevance or newest");
    }

    @Test
    void intervalAndFacetsAreValidated() {
        assertThat(full(null, null, null, "Day", "false").interval()).isEqualTo(HistogramInterval.DAY);
        assertThat(full(null, null, null, "day", "false").facets()).isFalse();
        assertThatThrownBy(() -> full(null, null, null, "5m", null)).hasMessageContaining("interval");
        assertThatThrownBy(() -> full(null, null, null, null, "maybe")).hasMessageContaining("facets");
    }

    @Test
    void invalidQueriesAre400WithTheReason() {
        assertThatThrownBy(() -> parse("\"Lachin", null, null, null, null)).isInstanceOf(BadSearchRequestException.class)
                .hasMessageStartingWith("q: ").hasMessageContaining("quote");
        assertThatThrownBy(() -> parse("x".repeat(1001), null, null, null, null)).hasMessageContaining("1000");
    }

    @Test
    void aCursorIsBoundToItsSearch() {
        SearchParams first = full("aid", null, null, null, null);
        String cursor = SearchCursor.of(first.fingerprint(), List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(1.5),
                co.elastic.clients.elasticsearch._types.FieldValue.of(1694527500000L),
                co.elastic.clients.elasticsearch._types.FieldValue.of("abc"))).encode();
        SearchParams next = full("aid", null, cursor, "day", "false");
        assertThat(next.cursor().after()).extracting(v -> v._get()).containsExactly(1.5, 1694527500000L, "abc");
        assertThatThrownBy(() -> full("relief", null, cursor, null, null)).isInstanceOf(BadSearchRequestException.class)
                .hasMessageContaining("another search");
        assertThatThrownBy(() -> full("aid", "newest", cursor, null, null)).hasMessageContaining("another search");
        assertThatThrownBy(() -> full("aid", null, "not-a-cursor!", null, null)).hasMessageContaining("cursor is not valid");
        assertThatThrownBy(() -> full("aid", null, "e30", null, null)).hasMessageContaining("cursor is not valid");
    }
}
