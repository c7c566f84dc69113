package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The rendered documents of one overlay, with the look-ups the invariant tests need. */
record Manifests(String overlay, List<JsonNode> documents) {

    Stream<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(d -> name.equals(name(d))).findFirst();
    }

    boolean has(String kind, String name) {
        return find(kind, name).isPresent();
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    /** The Kafka topic a KafkaTopic stands for: spec.topicName when set, else the resource name. */
    static String topicName(JsonNode kafkaTopic) {
        return kafkaTopic.path("spec").path("topicName").asText(name(kafkaTopic));
    }

    /** Init containers and containers of a Deployment's pod template. */
    static Stream<JsonNode> allContainers(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        return Stream.concat(stream(pod.path("initContainers")), stream(pod.path("containers")));
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false) : Stream.empty();
    }

    @Override
    public String toString() {
        return overlay;
    }
}
