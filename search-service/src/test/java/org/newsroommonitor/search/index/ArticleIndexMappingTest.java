package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleIndexMappingTest {

    @Test
    void englishClusterStemsFullTextButMatchesPhrasesExactly() {
        JsonNode props = ArticleIndexMapping.mappings("english").get("properties");
        for (String field : List.of("title", "summary", "text")) {
            assertThat(props.get(field).get("type").asText()).isEqualTo("text");
            assertThat(props.get(field).get("analyzer").asText()).isEqualTo("english");
            assertThat(props.get(field).at("/fields/exact/analyzer").asText()).isEqualTo("standard");
        }
        assertThat(props.at("/title/fields/keyword/type").asText()).isEqualTo("keyword");
        assertThat(props.at("/summary/fields/keyword").isMissingNode()).isTrue();
    }

    @Test
    void clusterWithoutEnglishUsesStandardEverywhere() {
        ObjectNode mappings = ArticleIndexMapping.mappings("standard");
        List<String> analyzers = new ArrayList<>();
        mappings.findValues("analyzer").forEach(a -> analyzers.add(a.asText()));
        assertThat(analyzers).hasSize(6).containsOnly("standard");
        assertThat(mappings.toString()).doesNotContain("english");
    }

    @Test
    void mappingIsExplicitAndTyped() {
        ObjectNode mappings = ArticleIndexMapping.mappings("standard");
        assertThat(mappings.get("dynamic").asText()).isEqualTo("false");
        JsonNode p = mappings.get("properties");
        assertThat(p.at("/id/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/revision/type").asText()).isEqualTo("long");
        for (String date : List.of("published", "firstSeen", "classifiedAt")) {
            assertThat(p.at("/" + date + "/type").asText()).isEqualTo("date");
        }
        assertThat(p.at("/language/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/sources/properties/name/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/topics/type").asText()).isEqualTo("nested");
        assertThat(p.at("/topics/include_in_parent").asBoolean()).isTrue();
        assertThat(p.at("/topics/properties/id/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/topics/properties/score/type").asText()).isEqualTo("float");
        assertThat(p.at("/topics/properties/matched/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/topics/properties/hits/enabled").asBoolean(true)).isFalse();
        // every field of the wire format is mapped (a field that is not is stored, but cannot be searched)
        assertThat(iterable(p.fieldNames())).containsExactlyInAnyOrder("schemaVersion", "id", "revision", "url",
                "canonicalUrl", "guid", "title", "summary", "text", "published", "publishedSource", "firstSeen",
                "language", "authors", "categories", "sources", "contentHash", "topics", "taxonomyVersion",
                "classifiedAt", "places", "organisations", "placeLocations", "placeFacet", "organisationFacet", "summaryHtml",
                "imageUrl", "enclosures");
        // display-only fields are stored, never searched
        assertThat(p.at("/summaryHtml/index").asBoolean(true)).isFalse();
        assertThat(p.at("/imageUrl/index").asBoolean(true)).isFalse();
        assertThat(p.at("/enclosures/enabled").asBoolean(true)).isFalse();
    }

    @Test
    void indexBodyCarriesSettingsAndWriteAlias() {
        ObjectNode body = ArticleIndexMapping.indexBody("english", 3, 2, "news-articles");
        assertThat(body.at("/settings/index/number_of_shards").asInt()).isEqualTo(3);
        assertThat(body.at("/settings/index/number_of_replicas").asInt()).isEqualTo(2);
        assertThat(body.at("/aliases/news-articles/is_write_index").asBoolean()).isTrue();
        assertThat(body.at("/mappings/properties/text/analyzer").asText()).isEqualTo("english");
    }

    @Test
    void autoPicksEnglishOnlyWhenTheClusterHasIt() throws Exception {
        assertThat(ArticleIndex.chooseAnalyzer("auto", () -> true)).isEqualTo("english");
        assertThat(ArticleIndex.chooseAnalyzer("auto", () -> false)).isEqualTo("standard");
        assertThat(ArticleIndex.chooseAnalyzer(null, () -> false)).isEqualTo("standard");
    }

    @Test
    void configuredAnalyzerWinsWithoutAskingTheCluster() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        ArticleIndex.EnglishProbe probe = () -> probes.incrementAndGet() > 0;
        assertThat(ArticleIndex.chooseAnalyzer("standard", probe)).isEqualTo("standard");
        assertThat(ArticleIndex.chooseAnalyzer(" English ", probe)).isEqualTo("english");
        assertThat(probes).hasValue(0);
        assertThatThrownBy(() -> ArticleIndex.chooseAnalyzer("french", probe))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("french");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void placesAndOrganisationsAreNestedKeywordsWithAGeoPointArray() {
        JsonNode p = ArticleIndexMapping.mappings("standard").get("properties");
        for (String entity : List.of("places", "organisations")) {
            assertThat(p.at("/" + entity + "/type").asText()).isEqualTo("nested");
            assertThat(p.at("/" + entity + "/include_in_parent").asBoolean()).isTrue();
            assertThat(p.at("/" + entity + "/properties/id/type").asText()).isEqualTo("keyword");
            assertThat(p.at("/" + entity + "/properties/name/type").asText()).isEqualTo("keyword");
            assertThat(p.at("/" + entity + "/properties/count/type").asText()).isEqualTo("integer");
        }
        assertThat(p.at("/places/properties/country/type").asText()).isEqualTo("keyword");
        assertThat(p.at("/places/properties/lat/type").asText()).isEqualTo("double");
        assertThat(p.at("/placeLocations/type").asText()).isEqualTo("geo_point");
        // what an existing v1 index gets added at start-up
        assertThat(iterable(ArticleIndexMapping.additions().fieldNames()))
                .containsExactly("places", "organisations", "placeLocations", "placeFacet", "organisationFacet",
                        "summaryHtml", "imageUrl", "enclosures");
    }

    @Test
    void fullTextHasOffsetsForTheHighlighterAndFacetsLoadOrdinalsAtRefresh() {
        for (String analyzer : List.of("standard", "english")) {
            JsonNode p = ArticleIndexMapping.mappings(analyzer).get("properties");
            for (String field : List.of("title", "summary", "text")) {
                assertThat(p.at("/" + field + "/index_options").asText()).isEqualTo("offsets");
            }
            for (String facet : List.of("/topics/properties/id", "/sources/properties/name", "/language", "/placeFacet",
                    "/organisationFacet")) {
                assertThat(p.at(facet + "/type").asText()).as(facet).isEqualTo("keyword");
                assertThat(p.at(facet + "/eager_global_ordinals").asBoolean()).as(facet).isTrue();
            }
        }
    }

    @Test
    void theFullDistributionGetsPerLanguageSubFields() {
        JsonNode props = ArticleIndexMapping.mappings("english").get("properties");
        for (String field : List.of("title", "summary", "text")) {
            assertThat(props.at("/" + field + "/fields/en/analyzer").asText()).isEqualTo("english");
            assertThat(props.at("/" + field + "/fields/ru/analyzer").asText()).isEqualTo("russian");
            assertThat(props.at("/" + field + "/fields/hy/analyzer").asText()).isEqualTo("armenian");
            assertThat(props.at("/" + field + "/fields/fr/analyzer").asText()).isEqualTo("french");
        }
        // the integ-test distribution has no language analyzers: no sub-fields that would fail the index creation
        JsonNode standard = ArticleIndexMapping.mappings("standard").get("properties");
        assertThat(iterable(standard.at("/title/fields").fieldNames())).containsExactlyInAnyOrder("exact", "keyword");
        assertThat(iterable(standard.at("/text/fields").fieldNames())).containsExactly("exact");
    }
}
