package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroommonitor.edges.ErrorBody;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Refuses a request body over {@code quarkus.http.limits.max-body-size} with 413 and the error body of
 * {@link IngestErrorMappers}, where Quarkus would refuse it with an empty one: at once when the {@code Content-Length}
 * announces it (the body is not read, the connection is closed), and as soon as the limit is passed when the body
 * comes without a length (chunked; such a body is read here, up to the limit, for Quarkus REST).
 */
@ApplicationScoped
public class BodyLimit {

    private final Optional<MemorySize> limit;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
                     ObjectMapper mapper) {
        this.limit = limit;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        limit.map(MemorySize::asLongValue).ifPresent(max -> {
            BodyHandler withoutLength = BodyHandler.create(false).setBodyLimit(max);
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                    .handler(request -> {
                        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                        boolean chunked = request.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
                        if (length != null && parse(length) > max) {
                            refuse(request, max);
                        } else if (length == null && chunked) {
                            withoutLength.handle(request);
                        } else {
                            request.next();
                        }
                    })
                    .failureHandler(request -> {
                        if (request.statusCode() == 413) {
                            refuse(request, max);
                        } else {
                            request.next();
                        }
                    });
        });
    }

    private void refuse(RoutingContext request, long max) {
        ErrorBody body = new ErrorBody("the body is larger than the limit of " + max
                + " bytes (quarkus.http.limits.max-body-size)");
        try {
            request.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // not a length: left to Quarkus and Vert.x
        }
    }
}
