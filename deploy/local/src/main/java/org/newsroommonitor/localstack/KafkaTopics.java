package org.newsroommonitor.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of the system, read from the Strimzi {@code KafkaTopic} resources in
 * {@code deploy/k8s/base/kafka/topics.yaml} (bundled into this jar by the build), so Kubernetes and the local
 * stack create the same topics with the same partitions and configuration.
 */
public final class KafkaTopics {

    /** Settings that only make sense with several brokers; a single local broker leaves them at their defaults. */
    private static final List<String> MULTI_BROKER_ONLY = List.of("min.insync.replicas");

    public record Topic(String name, int partitions, Map<String, String> config) {
    }

    private KafkaTopics() {
    }

    public static List<Topic> declared() {
        try (InputStream in = KafkaTopics.class.getResourceAsStream("topics.yaml")) {
            if (in == null) {
                throw new IllegalStateException("topics.yaml missing from the local-stack jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Topic> parse(InputStream yaml) throws IOException {
        List<Topic> topics = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode resource = documents.next();
                if (resource == null || !"KafkaTopic".equals(resource.path("kind").asText())) {
                    continue;
                }
                String name = resource.path("spec").path("topicName").asText(resource.path("metadata").path("name").asText());
                int partitions = resource.path("spec").path("partitions").asInt(1);
                Map<String, String> config = new LinkedHashMap<>();
                resource.path("spec").path("config").properties().forEach(entry -> {
                    if (!MULTI_BROKER_ONLY.contains(entry.getKey())) {
                        config.put(entry.getKey(), entry.getValue().asText());
                    }
                });
                topics.add(new Topic(name, partitions, config));
            }
        }
        return topics;
    }
}
