package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTopicsTest {

    @Test
    void readsStrimziTopicsAndDropsMultiBrokerSettings() throws Exception {
        String yaml = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: news.articles
                spec:
                  partitions: 6
                  replicas: 3
                  config:
                    retention.ms: "1000"
                    min.insync.replicas: "2"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: not-a-topic
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: state-resource-name
                spec:
                  topicName: news.feed-state
                  partitions: 3
                  config:
                    cleanup.policy: compact
                """;
        List<KafkaTopics.Topic> topics = KafkaTopics.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

        assertThat(topics).containsExactly(
                new KafkaTopics.Topic("news.articles", 6, java.util.Map.of("retention.ms", "1000")),
                new KafkaTopics.Topic("news.feed-state", 3, java.util.Map.of("cleanup.policy", "compact")));
    }

    @Test
    void bundledTopicsIncludeThePipeline() {
        assertThat(KafkaTopics.declared()).extracting(KafkaTopics.Topic::name)
                .contains("news.articles", "news.classified");
    }
}
