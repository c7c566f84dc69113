package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * The fields classify-service owns in a classified article (the rest is the article, passed through).
 *
 * @param topics          topics assigned, best score first; empty when none applies
 * @param places          places named, most often named first; empty when none
 * @param organisations   organisations named, same order; empty when none
 * @param taxonomyVersion version of the taxonomy that produced the topics
 * @param classifiedAt    when the article was classified
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"topics", "places", "organisations", "taxonomyVersion", "classifiedAt"})
public record ArticleClassification(List<Topic> topics, List<Place> places, List<Organisation> organisations,
                                    String taxonomyVersion, Instant classifiedAt) {

    public ArticleClassification {
        topics = topics == null ? List.of() : List.copyOf(topics);
        places = places == null ? List.of() : List.copyOf(places);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /** The ids of the assigned topics, best score first. */
    public List<String> topicIds() {
        return topics.stream().map(Topic::id).toList();
    }
}
