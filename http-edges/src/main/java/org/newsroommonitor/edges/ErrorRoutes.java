package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Answers in {@code {"error": "why"}} ({@link ErrorBody}) what no endpoint gets to answer: a request whose URI is
 * too long (414), whose headers are too large (431), whose body is larger than
 * {@code quarkus.http.limits.max-body-size} (413), whose {@code Content-Type} is not one media type (415) or is
 * multipart without a boundary (400), all refused before an endpoint reads the request; and a request no route takes (404, 405). Installed in every service
 * that depends on this module. Each service sets the HTTP decoder's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) above these, so only requests
 * beyond them get the decoder's answer without a body. Not installed in a service that answers the framework's
 * refusals itself ({@link ErrorMappers#FRAMEWORK_ANSWERS}).
 */
@ApplicationScoped
@UnlessBuildProperty(name = ErrorMappers.FRAMEWORK_ANSWERS, stringValue = "own", enableIfMissing = true)
public class ErrorRoutes {

    /** Longest request URI, in characters (Quarkus' default request-line limit). */
    public static final int MAX_URI_LENGTH = 4096;
    /** Largest request headers, in bytes (Quarkus' default header limit). */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    private final long maxBodyBytes;
    private final ObjectMapper mapper;
    /** Reads a chunked body (its length known only once it is read) and fails with 413 past the limit. */
    private final BodyHandler chunkedBodies;

    public ErrorRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                       ObjectMapper mapper) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.mapper = mapper;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        // before Quarkus' own body-size check, which answers 413 without a body
        int order = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
        router.route().order(order).handler(this::refuseUnreadable);
        router.route().order(order).failureHandler(context -> {
            if (context.failure() == null && context.statusCode() == 413) {
                answer(context, 413, tooLarge());
            } else {
                context.next();
            }
        });
        router.errorHandler(404, context -> answer(context, 404, "no resource at " + context.request().path()));
        router.errorHandler(405, context -> answer(context, 405,
                "method " + context.request().method() + " is not allowed on " + context.request().path()));
    }

    private void refuseUnreadable(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            answer(context, 414, "the request URI is longer than " + MAX_URI_LENGTH + " characters");
        } else if (headerBytes(request.headers()) > MAX_HEADER_BYTES) {
            answer(context, 431, "the request headers are larger than " + MAX_HEADER_BYTES + " bytes");
        } else if (declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBodyBytes) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .endHandler(ended -> request.connection().close());
            answer(context, 413, tooLarge());
        } else if (!isMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            answer(context, 415, "Content-Type '" + request.getHeader(HttpHeaders.CONTENT_TYPE)
                    + "' is not one media type");
        } else if (isMultipartWithoutBoundary(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            // RESTEasy's multipart reader fails with a 500 on an empty boundary (found by the fuzz test)
            answer(context, 400, "Content-Type '" + request.getHeader(HttpHeaders.CONTENT_TYPE)
                    + "' is multipart without a boundary");
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && !isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            chunkedBodies.handle(context);
        } else {
            context.next();
        }
    }

    private String tooLarge() {
        return "the request body is larger than " + maxBodyBytes + " bytes";
    }

    /** Forms are read by the endpoints' own multipart reader, which has its limits. */
    static boolean isForm(String contentTypeHeader) {
        String contentType = String.valueOf(contentTypeHeader).toLowerCase(Locale.ROOT);
        return contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded");
    }

    /** The size of the headers as sent, roughly: each name and value, with ": " and the line end. */
    public static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** The Content-Length, or -1 without one (or with one that is not a number). */
    static long declaredLength(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a Content-Type header (one media type) is multipart with no boundary, or an empty one. */
    static boolean isMultipartWithoutBoundary(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType mediaType = MediaType.valueOf(contentType);
        String boundary = mediaType.getParameters().entrySet().stream()
                .filter(parameter -> parameter.getKey().equalsIgnoreCase("boundary"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        return mediaType.getType().equalsIgnoreCase("multipart") && boundary.isBlank();
    }

    /** Whether a Content-Type header is absent or names one media type. */
    public static boolean isMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void answer(RoutingContext context, int status, String message) {
        answer(context, mapper, status, message);
    }

    /**
     * Ends the exchange with {@code status} and the {@link ErrorBody} of {@code message} (headers only for HEAD):
     * the one way a Vert.x route of this module answers with an error.
     */
    static void answer(RoutingContext context, ObjectMapper mapper, int status, String message) {
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            if (context.request().method() == HttpMethod.HEAD) {
                context.response().end();
            } else {
                context.response().end(mapper.writeValueAsString(new ErrorBody(message)));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
