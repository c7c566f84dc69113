package org.newsroommonitor.classify.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.newsroommonitor.classify.topic.TaxonomyReloader;
import org.newsroommonitor.classify.topic.TopicClassifier;

/**
 * Ready once the taxonomy is loaded and its rules are registered; reports the taxonomy version and where it comes
 * from and, when the last change of the taxonomy file was refused, the error ({@code lastReloadError}, naming the
 * rule and the line) and its time. A refused change does not make the service unready: the previous rules stay
 * in force; the metric {@code newsroom_classify_taxonomy_reload_failing} is 1 meanwhile, to alert on.
 */
@Readiness
@ApplicationScoped
public class TaxonomyHealthCheck implements HealthCheck {

    private final TaxonomyReloader reloader;

    public TaxonomyHealthCheck(TaxonomyReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public HealthCheckResponse call() {
        TopicClassifier classifier = reloader.current();
        TaxonomyReloader.Status status = reloader.status();
        int rules = classifier == null ? 0 : classifier.ruleCount();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("taxonomy")
                .status(rules > 0)
                .withData("version", status.version())
                .withData("source", status.source())
                .withData("loadedAt", status.loadedAt().toString())
                .withData("topics", classifier == null ? 0 : classifier.taxonomy().topics().size())
                .withData("rules", rules);
        if (status.failing()) {
            response.withData("lastReloadError", status.lastError())
                    .withData("lastReloadErrorAt", status.lastErrorAt().toString());
        }
        return response.build();
    }
}
