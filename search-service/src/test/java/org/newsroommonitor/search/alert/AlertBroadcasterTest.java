package org.newsroommonitor.search.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;
import org.newsroommonitor.search.LogCapture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Records of news.alerts that are not alerts of the schema read here are refused with the reason; the rest stream. */
class AlertBroadcasterTest {

    private static final String TOPIC = "news.alerts";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertBroadcaster broadcaster = new AlertBroadcaster(Messages.mapper(), new MessageSchemas(),
            registry);
    private long offset;

    @Test
    void invalidAlertsAreRefusedWithTheReasonAndAValidOneAfterThemIsStreamed() {
        ObjectNode newer = alert("a1");
        newer.put("schemaVersion", 2);
        ObjectNode noArticle = alert("a2");
        noArticle.remove("articleId");
        ObjectNode badMatched = alert("a3");
        badMatched.put("matched", "convoy");
        List<String> warnings;
        try (LogCapture log = new LogCapture(AlertBroadcaster.class)) {
            send(newer.toString());
            send(noArticle.toString());
            send(badMatched.toString());
            send("{\"subscriptionId\": ");
            send(null);
            send(alert("a4").toString());
            warnings = log.messages();
        }

        assertThat(broadcaster.recent(null)).extracting(Alert::articleId).containsExactly("a4");
        assertThat(warnings).satisfiesExactly(
                m -> assertThat(m).startsWith("Alert at news.alerts-0@0 (key s1) refused: ")
                        .endsWith("unsupported schemaVersion 2 (this service reads alert version 1)"),
                m -> assertThat(m).endsWith("required property 'articleId' not found"),
                m -> assertThat(m).contains("/matched"),
                m -> assertThat(m).contains("not JSON: "),
                m -> assertThat(m).endsWith("refused: no value"));
        assertThat(count("refused")).isEqualTo(5);
        assertThat(count("received")).isEqualTo(1);
    }

    @Test
    void anAlertWrittenBeforeTheVersionFieldIsStreamed() {
        ObjectNode old = alert("a1");
        old.remove("schemaVersion");
        send(old.toString());
        assertThat(broadcaster.recent("s1")).extracting(Alert::articleId).containsExactly("a1");
    }

    private static ObjectNode alert(String articleId) {
        ObjectNode alert = DocsExamples.json(MessageType.ALERT);
        alert.put("subscriptionId", "s1");
        alert.put("articleId", articleId);
        return alert;
    }

    private void send(String value) {
        broadcaster.consume(new ConsumerRecord<>(TOPIC, 0, offset++, "s1", value));
    }

    private double count(String result) {
        return registry.get(AlertBroadcaster.COUNTER).tag("result", result).counter().count();
    }
}
