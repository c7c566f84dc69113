package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

/**
 * The topics and their rules, loaded from a versioned YAML file (see {@link TaxonomyLoader}).
 *
 * @param version version of the file, copied into every classified article ({@code taxonomyVersion})
 * @param topics  the topics, in file order
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Taxonomy(
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "topics", required = true) List<TopicDefinition> topics) {

    public Taxonomy {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public Optional<TopicDefinition> topic(String id) {
        return topics.stream().filter(topic -> topic.id().equals(id)).findFirst();
    }

    /** Number of rules over all topics. */
    public int ruleCount() {
        return topics.stream().mapToInt(topic -> topic.rules().size()).sum();
    }
}
