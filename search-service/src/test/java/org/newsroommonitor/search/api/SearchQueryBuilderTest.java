package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryBuilderTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode body(SearchParams params) throws Exception {
        SearchRequest request = SearchQueryBuilder.build("news-articles", params, 20,
                SearchQueryBuilder.resolve(params, null, null, 30));
        assertThat(request.index()).containsExactly("news-articles");
        return MAPPER.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    static SearchParams params(String q, List<String> topics, String from, String to, String size) {
        return SearchParams.parse(new SearchParams.Raw(q, topics, null, null, null, null, from, to, null, size, null,
                null, null), new SearchParams.Limits(20, 100, 1000));
    }

    @Test
    void wordsAndPhrasesGoToSimpleQueryStringWithAndSortedByRelevance() throws Exception {
        JsonNode body = body(params("aid \"Lachin corridor\"", null, null, null, null));
        JsonNode sqs = body.at("/query/bool/must/0/simple_query_string");
        assertThat(sqs.get("query").asText()).isEqualTo("aid + \"Lachin corridor\"");
        assertThat(sqs.get("flags").asText()).isEqualTo("AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|ESCAPE|WHITESPACE");
        assertThat(sqs.get("fields")).extracting(JsonNode::asText).containsExactly("title^3", "summary^2", "text");
        assertThat(sqs.get("default_operator").asText()).isEqualToIgnoringCase("and");
        assertThat(sqs.get("quote_field_suffix").asText()).isEqualTo(".exact");
        assertThat(sqs.get("lenient").asBoolean()).isTrue();
        assertThat(body.at("/query/bool/filter").isMissingNode()).isTrue();
        assertThat(body.get("sort").toString())
                .isEqualTo("[{\"_score\":{\"order\":\"desc\"}},{\"published\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]");
        assertThat(body.get("size").asInt()).isEqualTo(20);
        assertThat(body.get("track_total_hits").asBoolean()).isTrue();
    }

    @Test
    void emptyQueryMatchesAllNewestFirst() throws Exception {
        JsonNode body = body(params("", null, null, null, null));
        assertThat(body.at("/query/bool/must/0/match_all").isObject()).isTrue();
        assertThat(body.toString()).doesNotContain("simple_query_string");
        assertThat(body.get("sort").toString())
                .isEqualTo("[{\"published\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]");
    }

    @Test
    void topicsAndDatesBecomeFilters() throws Exception {
        JsonNode body = body(params(null, List.of("blockade", "humanitarian-aid"), "2023-09-12", "2023-09-12T18:00:00Z", "5"));
        JsonNode filters = body.at("/query/bool/filter");
        assertThat(filters).hasSize(3);
        assertThat(filters.get(0).at("/term/topics.id/value").asText()).isEqualTo("blockade");
        assertThat(filters.get(1).at("/term/topics.id/value").asText()).isEqualTo("humanitarian-aid");
        JsonNode range = filters.get(2).at("/range/published");
        assertThat(range.get("gte").asText()).isEqualTo("2023-09-12T00:00:00Z");
        assertThat(range.get("lte").asText()).isEqualTo("2023-09-12T18:00:00Z");
        assertThat(body.get("size").asInt()).isEqualTo(5);
    }

    @Test
    void onlyAnUpperDateBound() throws Exception {
        JsonNode range = body(params(null, null, null, "2023-09-12", null)).at("/query/bool/filter/0/range/published");
        assertThat(range.has("gte")).isFalse();
        assertThat(range.get("lte").asText()).isEqualTo("2023-09-12T23:59:59.999Z");
    }

    @Test
    void sizeIsCappedInTheRequest() throws Exception {
        assertThat(body(params(null, null, null, null, "1000")).get("size").asInt()).isEqualTo(100);
    }

    @Test
    void onlyTheFieldsOfAHitAreFetched() throws Exception {
        JsonNode includes = body(params("x", null, null, null, null)).at("/_source/includes");
        assertThat(includes).extracting(JsonNode::asText).contains("id", "title", "sources.name", "topics.matched")
                .doesNotContain("text");
    }

    static SearchParams full(String q, String sort, String interval, String from, String to) {
        return SearchParams.parse(new SearchParams.Raw(q, List.of("blockade"), List.of("aghdam"),
                List.of("icrc"), List.of("Caucasus Wire", "Region Monitor"), List.of("en"), from, to, sort, null,
                null, interval, null), new SearchParams.Limits(20, 100, 1000));
    }

    @Test
    void everyFilterBecomesATermOrTermsFilter() throws Exception {
        JsonNode filters = body(full("aid", null, null, null, null)).at("/query/bool/filter");
        assertThat(filters).hasSize(5);
        assertThat(filters.get(0).at("/term/topics.id/value").asText()).isEqualTo("blockade");
        assertThat(filters.get(1).at("/term/places.id/value").asText()).isEqualTo("aghdam");
        assertThat(filters.get(2).at("/term/organisations.id/value").asText()).isEqualTo("icrc");
        assertThat(filters.get(3).at("/terms/sources.name").toString()).isEqualTo("[\"Caucasus Wire\",\"Region Monitor\"]");
        assertThat(filters.get(4).at("/terms/language").toString()).isEqualTo("[\"en\"]");
    }

    @Test
    void highlightIsHtmlEncodedWithMarkTags() throws Exception {
        JsonNode highlight = body(full("aid", null, null, null, null)).get("highlight");
        assertThat(highlight.get("encoder").asText()).isEqualTo("html");
        assertThat(highlight.get("pre_tags").toString()).isEqualTo("[\"<mark>\"]");
        assertThat(highlight.get("post_tags").toString()).isEqualTo("[\"</mark>\"]");
        assertThat(highlight.get("fields").toString()).contains("\"title\"", "\"summary\"", "\"text\"");
        assertThat(body(full(null, null, null, null, null)).has("highlight")).isFalse();
    }

    @Test
    void facetsAreTermsAggregationsWithAHistogram() throws Exception {
        JsonNode aggs = body(full("aid", null, null, null, null)).get("aggregations");
        assertThat(names(aggs)).containsExactly("topics", "places", "organisations", "sources", "languages", "histogram");
        assertThat(aggs.at("/topics/terms/field").asText()).isEqualTo("topics.id");
        // places and organisations: the facet keys derived at indexing (no nested aggregation), twice the facet size
        // so that an id under two names can be merged
        assertThat(aggs.at("/places/terms/field").asText()).isEqualTo("placeFacet");
        assertThat(aggs.at("/places/terms/size").asInt()).isEqualTo(40);
        assertThat(aggs.at("/organisations/terms/field").asText()).isEqualTo("organisationFacet");
        assertThat(aggs.at("/places/terms/order").toString()).isEqualTo("[{\"_count\":\"desc\"},{\"_key\":\"asc\"}]");
        assertThat(aggs.toString()).doesNotContain("nested");
        // auto without from/to or data range: a month
        assertThat(aggs.at("/histogram/date_histogram/calendar_interval").asText()).isEqualTo("month");
        JsonNode day = body(full(null, null, "day", "2023-09-01", "2023-09-30")).at("/aggregations/histogram/date_histogram");
        assertThat(day.get("calendar_interval").asText()).isEqualTo("day");
        assertThat(day.get("min_doc_count").asInt()).isZero();
        assertThat(day.at("/extended_bounds/min").asText()).isEqualTo("2023-09-01T00:00:00Z");
        assertThatThrownBy(() -> body(full(null, null, "hour", "2000-01-01", "2023-01-01")))
                .isInstanceOf(BadSearchRequestException.class).hasMessageContaining("too many buckets");
    }

    @Test
    void newestSortAndSearchAfter() throws Exception {
        SearchParams first = full("aid", "newest", null, null, null);
        assertThat(body(first).get("sort").toString())
                .isEqualTo("[{\"published\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]");
        String cursor = SearchCursor.of(first.fingerprint(), List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(5L),
                co.elastic.clients.elasticsearch._types.FieldValue.of("x"))).encode();
        SearchParams next = SearchParams.parse(new SearchParams.Raw("aid", List.of("blockade"), List.of("aghdam"),
                List.of("icrc"), List.of("Caucasus Wire", "Region Monitor"), List.of("en"), null, null, "newest",
                null, cursor, null, "false"), new SearchParams.Limits(20, 100, 1000));
        JsonNode body = body(next);
        assertThat(body.get("search_after").toString()).isEqualTo("[5,\"x\"]");
        assertThat(body.has("aggregations")).isFalse();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void autoIntervalGivesAtMost30Buckets() {
        java.time.Instant t0 = java.time.Instant.parse("2023-09-01T00:00:00Z");
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(20 * 3600), 30)).isEqualTo(HistogramInterval.HOUR);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(3 * 86400), 30)).isEqualTo(HistogramInterval.HOURS_3);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(12 * 86400), 30)).isEqualTo(HistogramInterval.HOURS_12);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(27 * 86400), 30)).isEqualTo(HistogramInterval.DAY);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(180 * 86400), 30)).isEqualTo(HistogramInterval.WEEK);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(700L * 86400), 30)).isEqualTo(HistogramInterval.MONTH);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(2000L * 86400), 30)).isEqualTo(HistogramInterval.QUARTER);
        assertThat(HistogramInterval.choose(t0, t0.plusSeconds(20000L * 86400), 30)).isEqualTo(HistogramInterval.YEAR);
        assertThat(HistogramInterval.choose(null, t0, 30)).isEqualTo(HistogramInterval.MONTH);
        for (long days : new long[] {0, 1, 5, 40, 400, 4000}) {
            HistogramInterval chosen = HistogramInterval.choose(t0, t0.plusSeconds(days * 86400), 30);
            assertThat(HistogramInterval.bucketsAtMost(java.time.Duration.ofDays(days), chosen)).isLessThanOrEqualTo(30);
        }
    }

    @Test
    void theLanguageFilterAddsThatLanguagesSubFields() throws Exception {
        JsonNode fields = body(full("aid", null, null, null, null)).at("/query/bool/must/0/simple_query_string/fields");
        assertThat(fields).extracting(JsonNode::asText).containsExactly("title^3", "summary^2", "text", "title.en^3",
                "summary.en^2", "text.en");
        assertThat(SearchQueryBuilder.queryFields(List.of("xx"))).containsExactly("title^3", "summary^2", "text");
    }
}
