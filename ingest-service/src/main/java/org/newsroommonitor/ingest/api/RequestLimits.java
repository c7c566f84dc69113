package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsroommonitor.edges.ErrorBody;

import java.io.UncheckedIOException;

import static org.newsroommonitor.edges.ErrorRoutes.MAX_HEADER_BYTES;
import static org.newsroommonitor.edges.ErrorRoutes.MAX_URI_LENGTH;
import static org.newsroommonitor.edges.ErrorRoutes.headerBytes;
import static org.newsroommonitor.edges.ErrorRoutes.isMediaType;

/**
 * Refuses a request URI longer than http-edges' {@code ErrorRoutes.MAX_URI_LENGTH} characters with 414 and headers
 * larger than its {@code MAX_HEADER_BYTES} with 431, and a Content-Type that is not one media type ({@code garbage},
 * {@code application/json, text/plain}) with 415, with the error body of {@link IngestErrorMappers}, as every service
 * does.
 * The HTTP decoder's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size} in
 * application.properties) are set above these, so only a request beyond them gets the decoder's answer without a
 * body.
 */
@ApplicationScoped
public class RequestLimits {

    private final ObjectMapper mapper;

    public RequestLimits(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        // before BodyLimit and Quarkus' own body-size check
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(request -> {
            // the limits and checks of http-edges' ErrorRoutes, answered with this service's error body
            if (request.request().uri().length() > MAX_URI_LENGTH) {
                refuse(request, 414, "the request URI is longer than " + MAX_URI_LENGTH + " characters");
            } else if (headerBytes(request.request().headers()) > MAX_HEADER_BYTES) {
                refuse(request, 431, "the request headers are larger than " + MAX_HEADER_BYTES + " bytes");
            } else if (!isMediaType(request.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                refuse(request, 415, "the Content-Type '" + request.request().getHeader(HttpHeaders.CONTENT_TYPE)
                        + "' is not one media type");
            } else {
                request.next();
            }
        });
    }

    private void refuse(RoutingContext request, int status, String message) {
        try {
            request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            if (request.request().method() == HttpMethod.HEAD) {
                request.response().end();
            } else {
                request.response().end(mapper.writeValueAsString(new ErrorBody(message)));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
