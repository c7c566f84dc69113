package org.newsroommonitor.classify.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.classify.KafkaTopicWriter;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** POST /api/rules/test: which recent articles would gain or lose a topic with a changed taxonomy. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class RuleTestResourceTest {

    private final ObjectMapper mapper = Messages.mapper();

    private static String taxonomyFor(String word) {
        return """
                version: "candidate-1"
                topics:
                  - id: marked
                    label: Marked
                    threshold: 1.0
                    rules:
                      - name: marker
                        kind: terms
                        terms: [%s]
                """.formatted(word);
    }

    @Test
    void aJsonLinesFileOfArticlesIsComparedWithTheRulesInForce() {
        String articles = String.join("\n",
                "{\"id\":\"x1\",\"title\":\"Blockade of the Lachin corridor\",\"summary\":\"\",\"text\":\"\"}",
                "{\"id\":\"x2\",\"title\":\"Floods in the valley\"}",
                "",
                "{\"id\":\"x3\",\"title\":\"Football results\",\"topics\":[]}");
        asAdmin().multiPart("taxonomy", "t.yaml", taxonomyFor("floods").getBytes(), "application/yaml")
                .multiPart("articles", "recent.jsonl", articles.getBytes(), "application/x-ndjson")
                .queryParam("n", 3)
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("compared", equalTo(3))
                .body("candidateVersion", equalTo("candidate-1"))
                .body("changes.articleId", contains("x1", "x2"))
                .body("changes[0].gained", equalTo(List.of()))
                .body("changes[0].lost", contains("blockade"))
                .body("changes[1].title", equalTo("Floods in the valley"))
                .body("changes[1].gained", contains("marked"))
                .body("changes[1].lost", equalTo(List.of()));
        // only the last n lines are used
        asAdmin().multiPart("taxonomy", "t.yaml", taxonomyFor("floods").getBytes(), "application/yaml")
                .multiPart("articles", "recent.jsonl", articles.getBytes(), "application/x-ndjson")
                .queryParam("n", 1)
                .when().post("/api/rules/test")
                .then().statusCode(200)
                .body("compared", equalTo(1))
                .body("changes", equalTo(List.of()));
    }

    @Test
    void recentlyClassifiedArticlesAreUsedByDefault() throws Exception {
        String word = "rt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode article = (ObjectNode) mapper.readTree(DocsExamples.text(MessageType.ARTICLE));
        String id = "recent-" + word;
        article.put("id", id);
        article.put("title", "Rule test article " + word);
        article.put("summary", "");
        article.put("text", "");
        KafkaTopicWriter.send("news.articles", id, mapper.writeValueAsString(article));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().contentType("application/yaml").body(taxonomyFor(word).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .when().post("/api/rules/test")
                        .then().statusCode(200)
                        .body("compared", lessThanOrEqualTo(200))
                        .body("changes.find { it.articleId == '" + id + "' }.gained", contains("marked"))
                        .body("changes.findAll { it.gained.size() > 0 }.articleId", contains(id)));
    }

    @Test
    void aBadTaxonomyIsRefusedWithTheRuleAndTheLine() {
        asAdmin().contentType("application/yaml").body(taxonomyFor("x").replace("kind: terms", "kind: nearby").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/rules/test")
                .then().statusCode(400)
                .body("error", containsString("rule 'marked.marker' (line 7)"))
                .body("error", containsString("unknown rule kind 'nearby'"));
        asAdmin().contentType("application/yaml").body(taxonomyFor("x").getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("n", 0)
                .when().post("/api/rules/test")
                .then().statusCode(400)
                .body("error", containsString("n must be between 1"));
        asAdmin().multiPart("articles", "recent.jsonl", "{\"id\":\"a\"}\nnot json".getBytes(), "application/x-ndjson")
                .multiPart("taxonomy", "t.yaml", taxonomyFor("x").getBytes(), "application/yaml")
                .when().post("/api/rules/test")
                .then().statusCode(400)
                .body("error", containsString("articles line 2"));
        // the rules in force are unchanged
        asAdmin().contentType("application/json").body(Map.of("title", "Blockade of the Lachin corridor"))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("topics.id", hasItem("blockade"));
    }
}
