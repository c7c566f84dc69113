package org.newsroommonitor.search.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.search.FixtureCorpus;
import org.newsroommonitor.search.query.HostileQueries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The search API against the real Elasticsearch node, on the fixture corpus, with exact expectations. */
@QuarkusTest
@TestProfile(FixtureCorpus.Profile.class)
class SearchApiTest {

    static final int CORPUS = 18;
    static volatile boolean seeded;

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (SearchApiTest.class) {
            if (!seeded) {
                FixtureCorpus.produce();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        assertThat(search(Map.of("facets", "false"), 200).get("total").asLong()).isEqualTo(CORPUS));
                seeded = true;
            }
        }
    }

    @Test
    void aHitHasLanguagePlacesOrganisationsAndHighlight() {
        JsonNode body = search(Map.of("q", "Aghdam"), 200);
        assertThat(ids(body)).containsExactly("fx-convoy");
        assertThat(body.get("query").asText()).isEqualTo("Aghdam");
        JsonNode hit = body.get("hits").get(0);
        assertThat(names(hit)).containsExactly("id", "title", "url", "source", "published", "summary", "topics",
                "language", "places", "organisations", "highlight");
        assertThat(hit.get("language").asText()).isEqualTo("en");
        assertThat(hit.get("places").toString()).isEqualTo("[{\"id\":\"aghdam\",\"name\":\"Aghdam\",\"country\":\"AZ\","
                + "\"lat\":39.9931,\"lon\":46.9297,\"count\":1},{\"id\":\"stepanakert\",\"name\":\"Stepanakert\","
                + "\"country\":\"AZ\",\"lat\":39.8153,\"lon\":46.7519,\"count\":1}]");
        assertThat(hit.get("organisations").toString())
                .isEqualTo("[{\"id\":\"icrc\",\"name\":\"International Committee of the Red Cross\",\"count\":1}]");
        assertThat(hit.at("/highlight/title").asText()).isEqualTo("Aid convoy of 22 trucks waits at <mark>Aghdam</mark> road");
        assertThat(hit.at("/highlight/fragments").toString()).isEqualTo("[\"Twenty-two trucks of flour and medicine are "
                + "parked at the <mark>Aghdam</mark> checkpoint awaiting permission to drive on to Stepanakert.\"]");
    }

    @Test
    void highlightsAreHtmlEscapedExceptTheMarks() {
        JsonNode hit = search(Map.of("q", "diesel"), 200).get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("fx-markup");
        String title = "<script>alert('x')</script> Fuel & \"diesel\" shortage at hospital/clinic";
        assertThat(hit.get("title").asText()).isEqualTo(title);
        assertThat(hit.at("/highlight/title").asText()).isEqualTo("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; "
                + "Fuel &amp; &quot;<mark>diesel</mark>&quot; shortage at hospital&#x2F;clinic");
        // our own escaping (titles that did not match) is the same as Elasticsearch's
        assertThat(hit.at("/highlight/title").asText().replace("<mark>", "").replace("</mark>", ""))
                .isEqualTo(HtmlText.escape(title));
        String fragment = hit.at("/highlight/fragments/0").asText();
        assertThat(fragment).contains("&lt;img src=x onerror=alert(1)&gt;", "<mark>diesel</mark>")
                .doesNotContain("<img", "<script");
        // without q the title is escaped too, and there are no fragments
        JsonNode plain = search(Map.of("source", "Region Monitor", "sort", "newest"), 200).get("hits").get(0);
        assertThat(plain.at("/highlight/title").asText()).isEqualTo(HtmlText.escape(title));
        assertThat(plain.at("/highlight/fragments")).isEmpty();
    }

    @Test
    void phrasesPrefixesAndOperators() {
        assertThat(ids(search(Map.of("q", "\"Red Cross\""), 200))).containsExactlyInAnyOrder("fx-redcross", "fx-convoy");
        assertThat(ids(search(Map.of("q", "\"Cross Red\""), 200))).isEmpty();
        assertThat(ids(search(Map.of("q", "\"Red Cross\" NOT convoy"), 200))).isEmpty();
        assertThat(ids(search(Map.of("q", "\"Red Cross\" -Aghdam"), 200))).containsExactly("fx-redcross");
        assertThat(ids(search(Map.of("q", "insulin OR rationing", "sort", "newest"), 200))).containsExactly("fx-bread", "fx-insulin");
        assertThat(ids(search(Map.of("q", "insulin | rationing", "sort", "newest"), 200))).containsExactly("fx-bread", "fx-insulin");
        assertThat(ids(search(Map.of("q", "blockad*", "sort", "newest"), 200))).containsExactly("fx-blockade", "fx-insulin");
        assertThat(ids(search(Map.of("q", "(insulin OR rationing) Médecins"), 200))).containsExactly("fx-insulin");
        assertThat(ids(search(Map.of("q", "Агдама"), 200))).containsExactly("fx-russian");
        // with lang the query also searches title.ru etc., which this cluster (no russian analyzer) does not have
        assertThat(ids(search(Map.of("q", "Агдама", "lang", "ru"), 200))).containsExactly("fx-russian");
        assertThat(search(Map.of("q", "*", "facets", "false"), 200).get("total").asLong()).isEqualTo(CORPUS);
    }

    @Test
    void filtersCombine() {
        assertThat(ids(search(Map.of("place", "stepanakert", "topic", "blockade"), 200)))
                .containsExactly("fx-blockade", "fx-insulin");
        assertThat(ids(search(Map.of("org", "icrc"), 200))).containsExactly("fx-redcross", "fx-convoy");
        assertThat(ids(search(Map.of("lang", "ru"), 200))).containsExactly("fx-russian");
        JsonNode anySource = get(given().queryParam("source", "Caucasus Wire").queryParam("source", "Stepanakert Daily")
                .queryParam("to", "2023-09-12"), 200);
        assertThat(ids(anySource)).containsExactly("fx-blockade", "fx-bread", "fx-insulin");
        JsonNode allPlaces = get(given().queryParam("place", "aghdam").queryParam("place", "stepanakert"), 200);
        assertThat(ids(allPlaces)).containsExactly("fx-convoy");
        assertThat(ids(search(Map.of("q", "flour", "place", "lachin-corridor"), 200))).containsExactly("fx-redcross");
    }

    @Test
    void facetsCountArticles() {
        JsonNode facets = search(Map.of(), 200).get("facets");
        assertThat(names(facets)).containsExactly("topics", "places", "organisations", "sources", "languages");
        assertThat(facet(facets, "topics")).isEqualTo(map("weather", 10L, "blockade", 3L, "shortage", 3L, "humanitarian-aid", 2L));
        assertThat(facets.get("places").toString()).isEqualTo("[{\"value\":\"stepanakert\",\"label\":\"Stepanakert\",\"count\":4},"
                + "{\"value\":\"aghdam\",\"label\":\"Aghdam\",\"count\":2},"
                + "{\"value\":\"lachin-corridor\",\"label\":\"Lachin corridor\",\"count\":2}]");
        assertThat(facets.get("organisations").toString()).isEqualTo("[{\"value\":\"icrc\",\"label\":"
                + "\"International Committee of the Red Cross\",\"count\":2},{\"value\":\"msf\",\"label\":"
                + "\"Médecins Sans Frontières\",\"count\":1}]");
        assertThat(facet(facets, "sources")).isEqualTo(map("Weather Service", 10L, "Caucasus Wire", 2L, "Region Monitor", 2L,
                "Stepanakert Daily", 2L, "Kavkaz Uzel", 1L, "Sports Desk", 1L));
        assertThat(facet(facets, "languages")).isEqualTo(map("en", 17L, "ru", 1L));
        // facets follow the query and filters
        JsonNode narrowed = search(Map.of("q", "Stepanakert", "topic", "shortage"), 200).get("facets");
        assertThat(facet(narrowed, "topics")).isEqualTo(map("shortage", 2L, "blockade", 1L));
        assertThat(facet(narrowed, "places")).isEqualTo(map("stepanakert", 2L));
        assertThat(search(Map.of("facets", "false"), 200).get("facets").isNull()).isTrue();
    }

    @Test
    void dateHistogram() {
        JsonNode day = search(Map.of("interval", "day", "from", "2023-09-08", "to", "2023-09-13"), 200).get("histogram");
        assertThat(day.get("interval").asText()).isEqualTo("1d");
        assertThat(day.get("buckets").toString()).isEqualTo("[{\"start\":\"2023-09-08T00:00:00Z\",\"count\":1},"
                + "{\"start\":\"2023-09-09T00:00:00Z\",\"count\":1},{\"start\":\"2023-09-10T00:00:00Z\",\"count\":1},"
                + "{\"start\":\"2023-09-11T00:00:00Z\",\"count\":2},{\"start\":\"2023-09-12T00:00:00Z\",\"count\":2},"
                + "{\"start\":\"2023-09-13T00:00:00Z\",\"count\":1}]");
        // empty days inside the range are listed with 0
        JsonNode padded = search(Map.of("interval", "day", "from", "2023-09-06", "to", "2023-09-08"), 200).get("histogram");
        assertThat(padded.get("buckets").toString()).isEqualTo("[{\"start\":\"2023-09-06T00:00:00Z\",\"count\":0},"
                + "{\"start\":\"2023-09-07T00:00:00Z\",\"count\":0},{\"start\":\"2023-09-08T00:00:00Z\",\"count\":1}]");
        JsonNode auto = search(Map.of(), 200).get("histogram");
        // 2023-09-01..2023-09-13: 12-hour buckets are the shortest that give at most 30
        assertThat(auto.get("interval").asText()).isEqualTo("12h");
        assertThat(auto.at("/buckets/0").toString()).isEqualTo("{\"start\":\"2023-09-01T00:00:00Z\",\"count\":10}");
        long sum = 0;
        for (JsonNode bucket : auto.get("buckets")) {
            sum += bucket.get("count").asLong();
        }
        assertThat(sum).isEqualTo(CORPUS);
        assertThat(auto.get("buckets").size()).isBetween(2, 30);
        assertThat(search(Map.of("interval", "hour", "from", "2000-01-01", "to", "2023-09-13"), 400).get("error").asText())
                .contains("too many buckets");
    }

    @Test
    void sortNewestOrRelevance() {
        assertThat(ids(search(Map.of("q", "Stepanakert", "sort", "newest"), 200)))
                .containsExactly("fx-blockade", "fx-convoy", "fx-bread", "fx-insulin");
        // relevance: the title match first
        assertThat(ids(search(Map.of("q", "Stepanakert"), 200)).getFirst()).isEqualTo("fx-bread");
        assertThat(search(Map.of("sort", "oldest"), 400).get("error").asText()).contains("relevance or newest");
    }

    @Test
    void cursorPagesThroughEverythingWithoutGapsOrRepeats() {
        for (Map<String, String> search : List.of(Map.of("sort", "newest"), Map.of("q", "bulletin OR Stepanakert OR flour"))) {
            JsonNode all = search(with(search, "size", "100"), 200);
            List<String> expected = ids(all);
            assertThat(expected).hasSize((int) all.get("total").asLong());
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, String> params = with(with(search, "size", "4"), "facets", "false");
                if (cursor != null) {
                    params = with(params, "cursor", cursor);
                }
                JsonNode page = search(params, 200);
                assertThat(page.get("total").asLong()).isEqualTo(expected.size());
                paged.addAll(ids(page));
                cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(paged).as(search.toString()).isEqualTo(expected);
            assertThat(new HashSet<>(paged)).hasSize(paged.size());
        }
        // ten bulletins share one timestamp: the id breaks the tie
        JsonNode bulletins = search(Map.of("topic", "weather", "size", "3", "sort", "newest"), 200);
        assertThat(ids(bulletins)).containsExactly("fx-bulletin-00", "fx-bulletin-01", "fx-bulletin-02");
        JsonNode next = search(Map.of("topic", "weather", "size", "3", "sort", "newest",
                "cursor", bulletins.get("cursor").asText()), 200);
        assertThat(ids(next)).containsExactly("fx-bulletin-03", "fx-bulletin-04", "fx-bulletin-05");
        // a cursor only works for its own search
        assertThat(search(Map.of("topic", "blockade", "cursor", bulletins.get("cursor").asText()), 400)
                .get("error").asText()).contains("another search");
        assertThat(search(Map.of("cursor", "garbage"), 400).get("error").asText()).contains("cursor is not valid");
    }

    @Test
    void hostileQueriesNeverGiveA5xx() {
        assertThat(HostileQueries.LIST).hasSizeGreaterThanOrEqualTo(50);
        int ok = 0;
        int refused = 0;
        for (String q : HostileQueries.LIST) {
            Response response = given().queryParam("q", q).get("/api/search");
            assertThat(response.statusCode()).as("status for q=%s", q).isIn(200, 400);
            JsonNode body = response.as(JsonNode.class);
            if (response.statusCode() == 200) {
                assertThat(body.get("total").asLong()).as("q=%s", q).isBetween(0L, (long) CORPUS);
                ok++;
            } else {
                assertThat(names(body)).as("q=%s", q).containsExactly("error");
                assertThat(body.get("error").asText()).as("q=%s", q).startsWith("q: ");
                refused++;
            }
        }
        assertThat(ok).isGreaterThan(20);
        assertThat(refused).isGreaterThan(10);
        // the same strings in every other parameter
        for (String value : HostileQueries.LIST.subList(0, 60)) {
            for (String param : List.of("topic", "place", "org", "source", "lang", "from", "to", "sort", "size", "cursor", "interval", "facets")) {
                int status = given().queryParam(param, value).get("/api/search").statusCode();
                assertThat(status).as("%s=%s", param, value).isIn(200, 400);
            }
        }
        // a script-looking query matches nothing and is not executed
        assertThat(search(Map.of("q", "doc['title'].value"), 200).get("total").asLong()).isZero();
    }

    @Test
    void articleAndSimilar() {
        JsonNode article = given().get("/api/articles/fx-redcross").then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(JsonNode.class);
        assertThat(names(article)).containsExactly("id", "revision", "title", "url", "canonicalUrl", "source", "sources",
                "published", "firstSeen", "language", "authors", "categories", "summary", "text", "topics", "places",
                "organisations", "taxonomyVersion", "classifiedAt");
        assertThat(article.get("text").asText()).endsWith("the first in weeks.");
        assertThat(article.get("source").asText()).isEqualTo("Caucasus Wire");
        assertThat(article.at("/places/0/name").asText()).isEqualTo("Lachin corridor");
        assertThat(article.at("/topics/1/id").asText()).isEqualTo("blockade");
        JsonNode markup = given().get("/api/articles/fx-markup").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(markup.get("title").asText()).startsWith("<script>");
        assertThat(markup.get("places")).isEmpty();

        JsonNode missing = given().get("/api/articles/no-such-article").then().statusCode(404)
                .contentType(ContentType.JSON).extract().as(JsonNode.class);
        assertThat(missing.get("error").asText()).isEqualTo("no article with id no-such-article");
        assertThat(given().get("/api/articles/no-such-article/similar").then().statusCode(404).extract()
                .as(JsonNode.class).get("error").asText()).contains("no-such-article");

        JsonNode similar = given().get("/api/articles/fx-redcross/similar").then().statusCode(200).extract().as(JsonNode.class);
        List<String> similarIds = ids(similar);
        // the convoy story shares Red Cross, flour, medicine; nothing unrelated comes back
        assertThat(similarIds).doesNotContain("fx-redcross").startsWith("fx-convoy")
                .doesNotContain("fx-football", "fx-bulletin-00", "fx-markup", "fx-bread");
        assertThat(similar.at("/hits/0/highlight/fragments")).isEmpty();
        JsonNode one = given().queryParam("size", "1").get("/api/articles/fx-redcross/similar").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertThat(ids(one)).hasSize(1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static JsonNode search(Map<String, String> params, int status) {
        return get(given().queryParams(params), status);
    }

    static JsonNode get(RequestSpecification request, int status) {
        return request.get("/api/search").then().log().ifValidationFails().statusCode(status).contentType(ContentType.JSON).extract().as(JsonNode.class);
    }

    static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return copy;
    }

    static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Map<String, Long> facet(JsonNode facets, String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        facets.get(name).forEach(v -> values.put(v.get("value").asText(), v.get("count").asLong()));
        return values;
    }

    static Map<String, Long> map(Object... keyValues) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Long) keyValues[i + 1]);
        }
        return map;
    }

    static Set<String> unused() {
        return Set.of();
    }
}
