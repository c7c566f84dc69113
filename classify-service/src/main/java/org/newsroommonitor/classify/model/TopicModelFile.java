package org.newsroommonitor.classify.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model file ({@code taxonomy/topic-model.json} beside the taxonomy): JSON, readable and diffable, every weight
 * under its feature's name. Format 1:
 *
 * <pre>{
 *   "format": 1,
 *   "version": "...", "taxonomyVersion": "...",
 *   "training": { ... what it was trained on and how, for the record },
 *   "topics": [ {"id": "...", "bias": -3.1, "threshold": 0.42, "weights": {"w:donate": 1.7, ...}}, ... ]
 * }</pre>
 */
public final class TopicModelFile {

    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TopicModelFile() {
    }

    /** Reads a model; a file of another format, or without topics, is refused with the reason. */
    public static TopicModel read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException("not a topic model of format " + FORMAT);
        }
        List<TopicModel.TopicWeights> topics = new ArrayList<>();
        for (JsonNode topic : root.path("topics")) {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = topic.path("weights").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = it.next();
                weights.put(weight.getKey(), weight.getValue().asDouble());
            }
            if (!topic.hasNonNull("id") || !topic.has("bias") || !topic.has("threshold")) {
                throw new IOException("a topic of the model lacks id, bias or threshold");
            }
            topics.add(new TopicModel.TopicWeights(topic.get("id").asText(), topic.get("bias").asDouble(),
                    topic.get("threshold").asDouble(), weights));
        }
        if (topics.isEmpty()) {
            throw new IOException("the model has no topics");
        }
        return new TopicModel(root.path("version").asText(), root.path("taxonomyVersion").asText(), topics);
    }

    /** Writes a model, weights sorted by feature so that a retrained model diffs line by line. */
    public static void write(TopicModel model, Map<String, Object> training, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", model.version());
        root.put("taxonomyVersion", model.taxonomyVersion());
        root.set("training", JSON.valueToTree(training));
        var topics = root.putArray("topics");
        for (TopicModel.TopicWeights topic : model.topics()) {
            ObjectNode node = topics.addObject();
            node.put("id", topic.topic());
            node.put("bias", round(topic.bias()));
            node.put("threshold", round(topic.threshold()));
            ObjectNode weights = node.putObject("weights");
            new TreeMap<>(topic.weights()).forEach((feature, weight) -> weights.put(feature, round(weight)));
        }
        JSON.writeValue(out, root);
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }
}
