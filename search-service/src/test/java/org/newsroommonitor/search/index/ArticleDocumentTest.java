package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.search.messaging.ClassifiedArticle;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static ClassifiedArticle article(List<ClassifiedArticle.Place> places, List<ClassifiedArticle.Organisation> orgs) {
        return new ClassifiedArticle(1, "a1", 1L, "https://x.example/1", null, null, "Title", "Summary", "Text", null,
                null, null, "en", List.of(), List.of(), List.of(), null, null, null, null, List.of(), null, null,
                places, orgs);
    }

    @Test
    void facetKeysJoinIdAndNameOncePerEntityAndLocationsOnlyWithCoordinates() {
        JsonNode document = ArticleDocument.of(MAPPER, article(List.of(
                        new ClassifiedArticle.Place("aghdam", "Aghdam", 3, "AZ", 39.99, 46.93),
                        new ClassifiedArticle.Place("lachin", null, 1, null, null, null)),
                List.of(new ClassifiedArticle.Organisation("icrc", "ICRC", 2))));
        assertThat(document.get("placeFacet")).extracting(JsonNode::asText)
                .containsExactly("aghdam\u001FAghdam", "lachin\u001Flachin");
        assertThat(document.get("organisationFacet")).extracting(JsonNode::asText).containsExactly("icrc\u001FICRC");
        assertThat(document.get("placeLocations")).hasSize(1);
        assertThat(document.at("/placeLocations/0/lon").asDouble()).isEqualTo(46.93);
        // the article as it arrived is kept
        assertThat(document.at("/places/1/id").asText()).isEqualTo("lachin");
    }

    @Test
    void noEntitiesNoDerivedFields() {
        JsonNode document = ArticleDocument.of(MAPPER, article(null, null));
        assertThat(document.has("placeFacet")).isFalse();
        assertThat(document.has("organisationFacet")).isFalse();
        assertThat(document.has("placeLocations")).isFalse();
    }

    @Test
    void keysParseBackAndSortAsTheirIds() {
        assertThat(ArticleDocument.parseFacetKey("icrc\u001FInternational Committee of the Red Cross"))
                .isEqualTo(new ArticleDocument.FacetKey("icrc", "International Committee of the Red Cross"));
        assertThat(ArticleDocument.parseFacetKey("bare-id")).isEqualTo(new ArticleDocument.FacetKey("bare-id", "bare-id"));
        // an id that is a prefix of another sorts first, as the id alone would
        assertThat(ArticleDocument.facetKey("ab", "Zed")).isLessThan(ArticleDocument.facetKey("ab-c", "Alpha"));
    }
}
