package org.newsroommonitor.classify.eval;

import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.util.HashSet;
import java.util.List;

/** Classifies labelled texts (title as the title, first paragraph as the text) and scores the result. */
public final class TopicEvaluation {

    private TopicEvaluation() {
    }

    public static TopicMetrics evaluate(TopicClassifier classifier, List<LabelledText> texts) {
        List<String> topics = classifier.taxonomy().topics().stream().map(TopicDefinition::id).toList();
        TopicMetrics metrics = new TopicMetrics(topics);
        for (LabelledText text : texts) {
            metrics.add(text, new HashSet<>(classifier.classify(text.title(), null, text.text()).topicIds()));
        }
        return metrics;
    }
}
