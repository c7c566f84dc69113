package org.newsroommonitor.edges;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Refuses with 400 and {@code {"error"}} a request whose URI {@link URI} does not accept (a raw {@code "}, {@code <}
 * or {@code |}, a broken {@code %}-escape), before any route reads it. Quarkus makes this same check before the
 * router and answers such a request with 400 and no body, unless the JVM runs with the system property
 * {@value #QUARKUS_CHECK_OFF}{@code =true}: the local stack, the images and the tests start every service so, and
 * then this route is the check. Without the property the answer is Quarkus' own (the same status, no body). A
 * request line the HTTP decoder cannot read at all (a space inside the URI) never reaches either.
 */
@ApplicationScoped
public class RequestUriCheck {

    /** The system property with which Quarkus leaves the URI check to the routes (read once, at start). */
    public static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    private final ObjectMapper mapper;

    public RequestUriCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Installs the check in the first route order, as the last observer of the router (after {@link SecurityHeaders}
     * and its default priority), so that it follows the security headers' route and precedes every route Quarkus adds
     * later in that order: a header filter with a path ({@code quarkus.http.filter.*.matches}) decodes the path and
     * would answer a broken escape in it with Vert.x' own text "Bad Request".
     */
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        Optional<String> problem = problem(context.request().uri());
        if (problem.isPresent()) {
            ErrorRoutes.answer(context, mapper, 400, problem.get());
        } else {
            context.next();
        }
    }

    /** Why {@code uri} is not a valid request URI (the reason and index, never the URI itself), or empty. */
    static Optional<String> problem(String uri) {
        try {
            new URI(uri);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("the request URI is not valid: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }
}
