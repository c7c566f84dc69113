package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

    static final ObjectMapper MAPPER = Messages.mapper();

    static ClassifiedArticle article(List<Place> places, List<Organisation> orgs) {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("someFutureField", "kept");
        return ClassifiedArticle.of(MAPPER, article,
                new ArticleClassification(List.of(), places, orgs, "t", Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void facetKeysJoinIdAndNameOncePerEntityAndLocationsOnlyWithCoordinates() {
        JsonNode document = ArticleDocument.of(article(List.of(
                        new Place("aghdam", "Aghdam", "AZ", 39.99, 46.93, 3),
                        new Place("lachin", null, null, null, null, 1)),
                List.of(new Organisation("icrc", "ICRC", 2))));
        assertThat(document.get("placeFacet")).extracting(JsonNode::asText)
                .containsExactly("aghdam\u001FAghdam", "lachin\u001Flachin");
        assertThat(document.get("organisationFacet")).extracting(JsonNode::asText).containsExactly("icrc\u001FICRC");
        assertThat(document.get("placeLocations")).hasSize(1);
        assertThat(document.at("/placeLocations/0/lon").asDouble()).isEqualTo(46.93);
        // the article as it arrived is kept, also the fields this service does not know
        assertThat(document.at("/places/1/id").asText()).isEqualTo("lachin");
        assertThat(document.get("someFutureField").asText()).isEqualTo("kept");
    }

    @Test
    void noEntitiesNoDerivedFields() {
        JsonNode document = ArticleDocument.of(article(null, null));
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
