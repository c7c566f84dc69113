package org.newsroommonitor.classify.topic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.newsroommonitor.classify.recent.ArticleText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tries a changed taxonomy on articles before it is saved: each article is classified with the rules in force and
 * with the candidate rules, and the topics it would gain or lose are reported.
 */
public final class RuleChangeTester {

    private RuleChangeTester() {
    }

    /**
     * @param compared         number of articles classified with both
     * @param currentVersion   version of the rules in force
     * @param candidateVersion version of the candidate rules
     * @param changes          the articles whose topics would change, in the order given; unchanged ones are left out
     */
    @JsonPropertyOrder({"compared", "currentVersion", "candidateVersion", "changes"})
    public record Report(int compared, String currentVersion, String candidateVersion, List<Change> changes) {
        public Report {
            changes = List.copyOf(changes);
        }
    }

    /** One article whose topics would change: the topic ids it would gain and lose. */
    @JsonPropertyOrder({"articleId", "title", "gained", "lost"})
    public record Change(String articleId, String title, List<String> gained, List<String> lost) {
        public Change {
            gained = List.copyOf(gained);
            lost = List.copyOf(lost);
        }
    }

    public static Report compare(TopicClassifier current, TopicClassifier candidate, List<ArticleText> articles) {
        List<Change> changes = new ArrayList<>();
        for (ArticleText article : articles) {
            Set<String> before = new LinkedHashSet<>(
                    current.classify(article.title(), article.summary(), article.text()).topicIds());
            Set<String> after = new LinkedHashSet<>(
                    candidate.classify(article.title(), article.summary(), article.text()).topicIds());
            List<String> gained = after.stream().filter(topic -> !before.contains(topic)).sorted().toList();
            List<String> lost = before.stream().filter(topic -> !after.contains(topic)).sorted().toList();
            if (!gained.isEmpty() || !lost.isEmpty()) {
                changes.add(new Change(article.id(), article.title(), gained, lost));
            }
        }
        return new Report(articles.size(), current.taxonomyVersion(), candidate.taxonomyVersion(), changes);
    }
}
