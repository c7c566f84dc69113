package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers every error of a service's endpoints as {@code {"error": "why"}} ({@link ErrorBody}), in every service
 * that depends on this module: the refusals the endpoints throw as {@link WebApplicationException}s, the
 * framework's (no such endpoint, method not allowed, not acceptable, unsupported media type, body too large), JSON
 * bodies that do not read (the problem and the field named, by {@link JsonErrors}), and anything unexpected as 500
 * with only an error id, which the log has with the stack trace. A service maps its own exceptions in a mapper of
 * its own with {@link #answer}; what is refused before it reaches an endpoint is answered by {@link ErrorRoutes}.
 * <p>
 * A service that still answers the framework's refusals in words of its own sets the build property
 * {@value #FRAMEWORK_ANSWERS}{@code =own}: then these mappers, {@link StrictJson} and {@link ErrorRoutes} are not in
 * force there, and the service keeps only {@link ErrorBody}, {@link #answer} and {@link JsonErrors} from this module.
 */
@UnlessBuildProperty(name = ErrorMappers.FRAMEWORK_ANSWERS, stringValue = "own", enableIfMissing = true)
public class ErrorMappers {

    /**
     * The build property by which a service answers the framework's refusals itself ({@code own}); unset, the
     * answers of this module are in force.
     */
    public static final String FRAMEWORK_ANSWERS = "newsroom.http-edges.framework-answers";

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String MULTIPART_READER = "org.jboss.resteasy.reactive.server.core.multipart.";

    /** An error answer: the status, {@code {"error": message}} as JSON. */
    public static RestResponse<ErrorBody> answer(int status, String message) {
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(new ErrorBody(message))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> refused(WebApplicationException e, ContainerRequestContext request) {
        Response response = e.getResponse();
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(), JsonErrors.describe(json));
        }
        RestResponse.ResponseBuilder<ErrorBody> answer = RestResponse.ResponseBuilder
                .<ErrorBody>create(response.getStatus()).entity(new ErrorBody(message(e, request)))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (!response.getAllowedMethods().isEmpty()) {
            answer.allow(response.getAllowedMethods());
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unreadableJson(MismatchedInputException e) {
        return answer(Response.Status.BAD_REQUEST.getStatusCode(), JsonErrors.describe(e));
    }

    /**
     * A multipart/form-data body that cannot be parsed (cut off, without its final boundary): RESTEasy's multipart
     * reader throws an IOException before any endpoint runs, so it is the client's 400 (found by the fuzz test,
     * deploy/system-tests' EndpointFuzzTest). Any other IOException is unexpected.
     */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> unreadableForm(IOException e, ContainerRequestContext request) {
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0 && frames[0].getClassName().startsWith(MULTIPART_READER)) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(),
                    "the multipart/form-data body cannot be read: " + e.getMessage());
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e, ContainerRequestContext request) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s %s failed, error id %s", request.getMethod(), request.getUriInfo().getPath(), id);
        return answer(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error, error id " + id);
    }

    /**
     * The exception's own message; for the answers only the framework gives (405, 406, 413, 415) and for its bare
     * messages ("HTTP 404 Not Found") one that says what was refused.
     */
    private static String message(WebApplicationException e, ContainerRequestContext request) {
        Response response = e.getResponse();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return switch (response.getStatus()) {
            case 405 -> "method " + request.getMethod() + " is not allowed on " + path
                    + allowed(response.getAllowedMethods());
            case 406 -> "none of the media types accepted (Accept: " + request.getHeaderString(HttpHeaders.ACCEPT)
                    + ") can be answered by " + path;
            case 413 -> "the request body is too large";
            case 415 -> request.getMediaType() == null ? "a Content-Type is required"
                    : "Content-Type " + request.getMediaType().getType() + "/" + request.getMediaType().getSubtype()
                    + " is not accepted by " + request.getMethod() + " " + path;
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP " + response.getStatus())
                    ? e.getMessage()
                    : response.getStatus() == 404 ? "no resource at " + path : reason(response);
        };
    }

    private static String allowed(Collection<String> methods) {
        return methods.isEmpty() ? ""
                : " (allowed: " + methods.stream().sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String reason(Response response) {
        return response.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
