package org.newsroommonitor.classify.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers every error of the endpoints as {@code {"error": "why"}} ({@link ErrorBody}): their own refusals, the
 * framework's (no such endpoint, method not allowed, not acceptable, unsupported media type, body too large), JSON
 * bodies that do not read (the problem and the field named), and anything unexpected as 500 with only an error id,
 * which the log has with the stack trace. What is refused before it reaches an endpoint is answered by
 * {@link ErrorRoutes}.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> refused(WebApplicationException e, ContainerRequestContext request) {
        Response response = e.getResponse();
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(Response.Status.BAD_REQUEST.getStatusCode(), describe(json));
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
        return answer(Response.Status.BAD_REQUEST.getStatusCode(), describe(e));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e, ContainerRequestContext request) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s %s failed, error id %s", request.getMethod(), request.getUriInfo().getPath(), id);
        return answer(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error, error id " + id);
    }

    private static RestResponse<ErrorBody> answer(int status, String message) {
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(new ErrorBody(message))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
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

    /** What is wrong with a JSON body, in the client's terms: the field, what it should be, and where. */
    static String describe(JsonProcessingException e) {
        String where = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + where;
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return "unexpected content after the JSON value" + where;
            }
            String field = field(mismatch);
            String expected = expected(mismatch.getTargetType());
            return field.isEmpty() ? "the JSON value must be " + expected + where
                    : "field '" + field + "' must be " + expected + where;
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return "duplicate field " + original.substring("Duplicate field ".length()) + where;
        }
        return "malformed JSON" + where + ": " + firstSentence(original);
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a string";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's message up to where it starts quoting the input back ("(start marker at [Source: ..."). */
    private static String firstSentence(String message) {
        int cut = message.indexOf(" (start marker");
        String text = cut < 0 ? message : message.substring(0, cut);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
