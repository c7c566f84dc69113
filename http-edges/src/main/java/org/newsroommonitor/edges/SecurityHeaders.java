package org.newsroommonitor.edges;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * The security headers of every answer of every service that depends on this module, refusals and static files
 * included: no MIME sniffing, never framed ({@code X-Frame-Options} and CSP {@code frame-ancestors}), no referrer.
 * Each is added only where the answer has none of its own, so a page with its own Content-Security-Policy (the
 * newsroom UI's, in search-service's {@code application.properties}) keeps it.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Header -> value, added to every answer that does not set the header itself. */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "frame-ancestors 'none'");

    void install(@Observes Router router) {
        // first of all routes, so that every answer gets them, whoever ends it
        router.route().order(Integer.MIN_VALUE).handler(this::addOnAnswer);
    }

    private void addOnAnswer(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            HEADERS.forEach((name, value) -> {
                if (!headers.contains(name)) {
                    headers.set(name, value);
                }
            });
        });
        context.next();
    }
}
