package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryBuilderTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode body(SearchParams params) throws Exception {
        SearchRequest request = SearchQueryBuilder.build("news-articles", params);
        assertThat(request.index()).containsExactly("news-articles");
        return MAPPER.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    static SearchParams params(String q, List<String> topics, String from, String to, String size) {
        return SearchParams.parse(q, topics, from, to, size, 20, 100, 1000);
    }

    @Test
    void wordsAndPhrasesGoToSimpleQueryStringWithAndSortedByRelevance() throws Exception {
        JsonNode body = body(params("aid \"Lachin corridor\"", null, null, null, null));
        JsonNode sqs = body.at("/query/bool/must/0/simple_query_string");
        assertThat(sqs.get("query").asText()).isEqualTo("aid \"Lachin corridor\"");
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
}
