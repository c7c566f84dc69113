package org.newsroommonitor.classify.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.classify.KafkaTopicReader;
import org.newsroommonitor.classify.KafkaTopicWriter;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Saved searches from news.subscriptions, and alerts to news.alerts and news.alerts.&lt;topic-id&gt;, against the
 * real Kafka broker: a subscription is added, changed and deleted while articles flow.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class AlertPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper mapper = Messages.mapper();

    @Test
    void savedSearchAlertsFollowAdditionsChangesAndDeletions() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String marker = "mark" + run;     // in every article of this test
        String control = "ctrl" + run;    // a second saved search, matching the articles that must NOT alert s1
        String s1 = "sub-" + run;
        String controlId = "control-" + run;

        try (KafkaTopicReader alerts = new KafkaTopicReader("news.alerts");
             KafkaTopicReader blockade = new KafkaTopicReader("news.alerts.blockade")) {
            // an unusable query is skipped and the stream goes on
            KafkaTopicWriter.send("news.subscriptions", "bad-" + run,
                    DocsExamples.subscription("bad-" + run, "\"unclosed " + marker));
            KafkaTopicWriter.send("news.subscriptions", s1, DocsExamples.subscription(s1, "convoy AND " + marker));
            KafkaTopicWriter.send("news.subscriptions", controlId, DocsExamples.subscription(controlId, control));
            awaitQuery(s1, "convoy AND " + marker);
            awaitQuery(controlId, control);
            asAdmin().when().get("/api/subscriptions/bad-" + run).then().statusCode(404);

            // 1. a matching article: exactly one alert, keyed by subscription id; and a topic alert
            String a1 = "a1" + run;
            Instant before = Instant.now().minusSeconds(1);
            sendArticle(a1, "Aid convoy blocked at the Lachin corridor blockade", "Reported by " + marker + " desk.");
            ConsumerRecord<String, String> alert = alerts.await(r -> s1.equals(r.key()), TIMEOUT);
            JsonNode value = mapper.readTree(alert.value());
            assertThat(value.get("subscriptionId").asText()).isEqualTo(s1);
            assertThat(value.get("subscriptionName").asText()).isEqualTo("Saved search " + s1);
            assertThat(value.get("articleId").asText()).isEqualTo(a1);
            assertThat(value.get("title").asText()).isEqualTo("Aid convoy blocked at the Lachin corridor blockade");
            assertThat(value.get("url").asText()).isEqualTo("https://example.org/" + a1);
            assertThat(mapper.convertValue(value.get("matched"), List.class)).containsExactly("convoy", marker);
            assertThat(Instant.parse(value.get("time").asText())).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(fieldNames(value)).containsExactly("schemaVersion", "subscriptionId", "subscriptionName",
                    "articleId", "title", "url", "matched", "time");

            ConsumerRecord<String, String> topicAlert = blockade.await(r -> a1.equals(r.key()), TIMEOUT);
            JsonNode topicValue = mapper.readTree(topicAlert.value());
            assertThat(topicValue.get("subscriptionId").asText()).isEqualTo("topic:blockade");
            assertThat(topicValue.get("articleId").asText()).isEqualTo(a1);
            assertThat(mapper.convertValue(topicValue.get("matched"), List.class)).isNotEmpty();

            alerts.drain();
            assertThat(alerts.all(r -> s1.equals(r.key()))).hasSize(1);

            // 2. the subscription changes: an article matching only the old query raises no alert
            KafkaTopicWriter.send("news.subscriptions", s1, DocsExamples.subscription(s1, "earthquake AND " + marker));
            awaitQuery(s1, "earthquake AND " + marker);
            String a2 = "a2" + run;
            sendArticle(a2, "Aid convoy waits at the checkpoint", marker + " " + control);
            alerts.await(r -> controlId.equals(r.key()) && r.value().contains(a2), TIMEOUT);
            String a3 = "a3" + run;
            sendArticle(a3, "Earthquake hits the region", "Reported by " + marker + " desk.");
            alerts.await(r -> s1.equals(r.key()) && r.value().contains(a3), TIMEOUT);
            alerts.drain();
            assertThat(alerts.all(r -> s1.equals(r.key())))
                    .extracting(r -> articleId(r.value())).containsExactly(a1, a3);

            // 3. the subscription is deleted (tombstone): no more alerts
            KafkaTopicWriter.send("news.subscriptions", s1, null);
            await().atMost(TIMEOUT).until(() -> asAdmin().get("/api/subscriptions/" + s1).statusCode() == 404);
            String a4 = "a4" + run;
            sendArticle(a4, "Earthquake: convoy of aid", marker + " " + control);
            alerts.await(r -> controlId.equals(r.key()) && r.value().contains(a4), TIMEOUT);
            alerts.drain();
            assertThat(alerts.all(r -> s1.equals(r.key())))
                    .extracting(r -> articleId(r.value())).containsExactly(a1, a3);
        }
        asAdmin().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_classify_alerts_total{kind=\"subscription\"}"))
                .body(containsString("newsroom_classify_alerts_total{kind=\"topic\"}"))
                .body(containsString("newsroom_classify_subscription_updates_total{result=\"refused\"}"))
                .body(containsString("newsroom_classify_subscription_updates_total{result=\"deleted\"}"));
    }

    private void awaitQuery(String id, String query) {
        await().atMost(TIMEOUT).until(() -> {
            var response = asAdmin().get("/api/subscriptions/" + id);
            return response.statusCode() == 200 && query.equals(response.jsonPath().getString("query"));
        });
    }

    private void sendArticle(String id, String title, String summary) throws Exception {
        ObjectNode article = (ObjectNode) mapper.readTree(DocsExamples.text(MessageType.ARTICLE));
        article.put("id", id);
        article.put("url", "https://example.org/" + id);
        article.put("title", title);
        article.put("summary", summary);
        article.put("text", "");
        KafkaTopicWriter.send("news.articles", id, mapper.writeValueAsString(article));
    }

    private String articleId(String alert) {
        try {
            return mapper.readTree(alert).get("articleId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
