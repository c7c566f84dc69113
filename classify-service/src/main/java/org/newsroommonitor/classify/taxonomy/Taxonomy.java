package org.newsroommonitor.classify.taxonomy;

import org.newsroommonitor.classify.model.TopicModel;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topics and their rules, loaded from a versioned YAML file (see {@link TaxonomyLoader}).
 *
 * @param version version of the file, copied into every classified article ({@code taxonomyVersion})
 * @param topics  the topics, in file order
 * @param origin  where the taxonomy was read from and the line of each rule, for error messages
 * @param model   the topic model trained for this version (the file named by the taxonomy's {@code model}), or
 *                null: then the rules alone decide
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Taxonomy(
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "topics", required = true) List<TopicDefinition> topics,
        @JsonIgnore Origin origin,
        @JsonIgnore TopicModel model) {

    public Taxonomy {
        topics = topics == null ? List.of() : List.copyOf(topics);
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public Taxonomy(String version, List<TopicDefinition> topics, Origin origin) {
        this(version, topics, origin, null);
    }

    public Taxonomy(String version, List<TopicDefinition> topics) {
        this(version, topics, Origin.UNKNOWN, null);
    }

    /** The same rules decided by {@code topicModel} (null: by the rules alone). */
    public Taxonomy withModel(TopicModel topicModel) {
        return new Taxonomy(version, topics, origin, topicModel);
    }

    public Optional<TopicDefinition> topic(String id) {
        return topics.stream().filter(topic -> topic.id().equals(id)).findFirst();
    }

    /** Number of rules over all topics. */
    public int ruleCount() {
        return topics.stream().mapToInt(topic -> topic.rules().size()).sum();
    }

    /**
     * Where a taxonomy comes from.
     *
     * @param source    the file or resource it was read from
     * @param ruleLines the line each rule starts on, by rule id ({@code <topic>.<name>})
     * @param model     the model file the taxonomy names ({@code model:}), or null
     */
    public record Origin(String source, Map<String, Integer> ruleLines, String model) {

        public static final Origin UNKNOWN = new Origin("(unknown)", Map.of(), null);

        public Origin {
            ruleLines = Map.copyOf(ruleLines);
        }

        public Origin(String source, Map<String, Integer> ruleLines) {
            this(source, ruleLines, null);
        }

        /** {@code "taxonomy <source>: rule '<id>' (line N)"} for error messages. */
        public String describeRule(String ruleId) {
            Integer line = ruleLines.get(ruleId);
            return "taxonomy " + source + ": rule '" + ruleId + "'" + (line == null || line < 0 ? "" : " (line " + line + ")");
        }
    }
}
