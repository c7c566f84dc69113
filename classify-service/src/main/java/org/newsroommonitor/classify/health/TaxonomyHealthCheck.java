package org.newsroommonitor.classify.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsroommonitor.classify.topic.TopicClassifier;

/** Ready once the taxonomy is loaded and its rules are registered; reports the taxonomy version. */
@Readiness
@ApplicationScoped
public class TaxonomyHealthCheck implements HealthCheck {

    private final TopicClassifier classifier;

    public TaxonomyHealthCheck(TopicClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public HealthCheckResponse call() {
        int rules = classifier.ruleCount();
        return HealthCheckResponse.named("taxonomy")
                .status(rules > 0)
                .withData("version", classifier.taxonomyVersion())
                .withData("topics", classifier.taxonomy().topics().size())
                .withData("rules", rules)
                .build();
    }
}
