package org.newsroommonitor.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.search.RepoFiles;

import java.nio.file.Files;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifiedArticleTest {

    /** Configured like Quarkus' ObjectMapper: java.time as ISO-8601 strings. */
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readsTheDocsExampleAndWritesItBackUnchanged() throws Exception {
        byte[] json = Files.readAllBytes(RepoFiles.message("classified-article.json"));
        ClassifiedArticle article = MAPPER.readValue(json, ClassifiedArticle.class);

        assertThat(article.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(article.revision()).isEqualTo(1L);
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
        assertThat(article.sourceName()).isEqualTo("Caucasus Wire");
        // the topics are whatever classify-service's taxonomy gives the example: read them off the example itself
        JsonNode topics = MAPPER.readTree(json).path("topics");
        assertThat(article.topics()).extracting(ClassifiedArticle.Topic::id)
                .containsExactlyElementsOf(topics.findValuesAsText("id"));
        java.util.List<String> matched = new java.util.ArrayList<>();
        topics.get(0).path("matched").forEach(term -> matched.add(term.asText()));
        assertThat(article.topics().getFirst().matched()).isNotEmpty().containsExactlyElementsOf(matched);
        JsonNode firstHit = topics.get(0).path("hits").get(0);
        assertThat(article.topics().getFirst().hits().getFirst()).isEqualTo(new ClassifiedArticle.Hit(
                firstHit.path("rule").asText(), firstHit.path("term").asText(), firstHit.path("field").asText(),
                firstHit.path("start").asInt(), firstHit.path("end").asInt()));
        assertThat(article.classifiedAt()).isEqualTo(Instant.parse("2023-09-12T14:07:32Z"));
        assertThat(article.invalidReason()).isNull();

        JsonNode original = MAPPER.readTree(json);
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(article));
        assertThat(written).isEqualTo(original);
    }

    @Test
    void ignoresUnknownFields() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(Files.readAllBytes(RepoFiles.message("classified-article.json")));
        json.put("someFutureField", "x");
        ((ObjectNode) json.get("topics").get(0)).put("explanation", "later");
        ClassifiedArticle article = MAPPER.treeToValue(json, ClassifiedArticle.class);
        assertThat(article.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(MAPPER.valueToTree(article).has("someFutureField")).isFalse();
    }

    @Test
    void anArticleWithoutIdOrRevisionCannotBeIndexed() throws Exception {
        assertThat(MAPPER.readValue("{\"revision\":1}", ClassifiedArticle.class).invalidReason()).isEqualTo("missing id");
        assertThat(MAPPER.readValue("{\"id\":\" \",\"revision\":1}", ClassifiedArticle.class).invalidReason())
                .isEqualTo("missing id");
        assertThat(MAPPER.readValue("{\"id\":\"a\"}", ClassifiedArticle.class).invalidReason())
                .isEqualTo("missing or negative revision");
        assertThat(MAPPER.readValue("{\"id\":\"" + "x".repeat(513) + "\",\"revision\":1}", ClassifiedArticle.class)
                .invalidReason()).isEqualTo("id longer than 512 bytes");
        assertThat(MAPPER.readValue("{\"id\":\"a\",\"revision\":2}", ClassifiedArticle.class).invalidReason()).isNull();
    }
}
