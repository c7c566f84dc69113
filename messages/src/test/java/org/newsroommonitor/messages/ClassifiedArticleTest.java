package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifiedArticleTest {

    private static final ObjectMapper MAPPER = Messages.mapper();

    private static final ArticleClassification CLASSIFICATION = new ArticleClassification(
            List.of(new Topic("blockade", 0.75, List.of("Lachin corridor"),
                    List.of(new TopicHit("blockade.corridor", "Lachin corridor", "summary", 101, 116)))),
            List.of(new Place("stepanakert", "Stepanakert", "AZ", 39.8, 46.75, 2)),
            List.of(new Organisation("icrc", "International Committee of the Red Cross", 1)),
            "2026.12.1", Instant.parse("2023-09-12T14:07:32Z"));

    @Test
    void passesThroughEveryFieldItDoesNotOwnUnchanged() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("clusterId", "c-17");
        article.putObject("ingestDebug").put("feedEtag", "\"abc\"").putArray("hops").add(1).add(2);
        article.put("revision", 3);
        ObjectNode before = article.deepCopy();

        ClassifiedArticle classified = ClassifiedArticle.of(MAPPER, article, CLASSIFICATION);

        assertThat(article).as("the input is not changed").isEqualTo(before);
        ObjectNode json = classified.json();
        before.fieldNames().forEachRemaining(field -> assertThat(json.get(field)).as(field).isEqualTo(before.get(field)));
        assertThat(json.get("clusterId").asText()).isEqualTo("c-17");
        assertThat(json.at("/ingestDebug/hops/1").asInt()).isEqualTo(2);
        assertThat(json.get("taxonomyVersion").asText()).isEqualTo("2026.12.1");
        assertThat(json.at("/topics/0/hits/0/rule").asText()).isEqualTo("blockade.corridor");
        assertThat(json.at("/places/0/count").asInt()).isEqualTo(2);
        assertThat(new MessageSchemas().problem(MessageType.CLASSIFIED_ARTICLE, json)).isEmpty();
    }

    @Test
    void replacesTheFieldsItOwns() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("taxonomyVersion", "stale");
        article.putArray("topics").addObject().put("id", "stale");

        ClassifiedArticle classified = ClassifiedArticle.of(MAPPER, article, CLASSIFICATION);

        assertThat(classified.json().get("taxonomyVersion").asText()).isEqualTo("2026.12.1");
        assertThat(classified.json().get("topics")).hasSize(1);
        assertThat(classified.classification().topicIds()).containsExactly("blockade");
    }

    @Test
    void readGivesTypedViewsAndKeepsTheRest() {
        ObjectNode json = ClassifiedArticle.of(MAPPER, DocsExamples.json(MessageType.ARTICLE), CLASSIFICATION).json();
        json.put("modelVersion", "m-3");

        ClassifiedArticle read = ClassifiedArticle.read(MAPPER, json);

        assertThat(read.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(read.article().sources()).extracting(ArticleSource::name).containsExactly("Caucasus Wire");
        assertThat(read.classification()).isEqualTo(CLASSIFICATION);
        assertThat(read.json().get("modelVersion").asText()).isEqualTo("m-3");
    }
}
