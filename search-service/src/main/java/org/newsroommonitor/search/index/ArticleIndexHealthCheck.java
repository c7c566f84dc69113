package org.newsroommonitor.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the article alias exists (created at start-up, see {@link ArticleIndex}). */
@Readiness
@ApplicationScoped
public class ArticleIndexHealthCheck implements HealthCheck {

    private final ArticleIndex index;

    public ArticleIndexHealthCheck(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Search index").withData("alias", index.alias());
        if (index.isReady()) {
            builder.up().withData("index", index.indexName());
            if (index.textAnalyzer() != null) {
                builder.withData("textAnalyzer", index.textAnalyzer());
            }
            return builder.build();
        }
        String error = index.lastError();
        return builder.down().withData("reason", error == null ? "not ready" : error).build();
    }
}
