package org.newsroommonitor.search.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroommonitor.edges.ErrorBody;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Refuses a sign-in ({@code POST /j_security_check}) whose body is not a form with 415 and {@code {"error"}}, before
 * Quarkus' form authentication reads it: that mechanism asks Vert.x to decode a form, which fails with a 500 on any
 * other Content-Type, or none (found by the fuzz test, deploy/system-tests' EndpointFuzzTest).
 */
@ApplicationScoped
public class SignInForm {

    static final String REFUSAL = "sign in with a form: j_username and j_password as "
            + "application/x-www-form-urlencoded or multipart/form-data";

    /**
     * Quarkus installs its authentication as a filter of priority 200, which is the route order -200; this runs just
     * before it.
     */
    static final int BEFORE_AUTHENTICATION = -201;

    private final String signInPath;
    private final ObjectMapper mapper;

    public SignInForm(@ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                      String signInPath, ObjectMapper mapper) {
        this.signInPath = signInPath;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, signInPath).order(BEFORE_AUTHENTICATION).handler(request -> {
            if (isForm(request.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                request.next();
                return;
            }
            try {
                request.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(mapper.writeValueAsString(new ErrorBody(REFUSAL)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What Vert.x can decode as a form: URL-encoded, or multipart with a boundary. */
    static boolean isForm(String contentType) {
        String type = String.valueOf(contentType).toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        int boundary = type.indexOf("boundary=");
        return type.startsWith("multipart/form-data") && boundary > 0
                && !type.substring(boundary + "boundary=".length()).split(";", 2)[0].isBlank();
    }
}
