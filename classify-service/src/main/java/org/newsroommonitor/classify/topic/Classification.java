package org.newsroommonitor.classify.topic;

import org.newsroommonitor.messages.Topic;

import java.util.List;

/**
 * The result of classifying one text.
 *
 * @param topics          the assigned topics, best score first; empty when none applies
 * @param taxonomyVersion version of the taxonomy that produced them
 */
public record Classification(List<Topic> topics, String taxonomyVersion) {

    public Classification {
        topics = List.copyOf(topics);
    }

    /** The ids of the assigned topics, best score first. */
    public List<String> topicIds() {
        return topics.stream().map(Topic::id).toList();
    }
}
