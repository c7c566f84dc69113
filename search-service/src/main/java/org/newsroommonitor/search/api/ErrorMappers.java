package org.newsroommonitor.search.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every endpoint answers errors as {@code {"error": "why"}}: 400 for bad input, 503 when Elasticsearch is away. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badRequest(BadSearchRequestException e) {
        return SearchResource.error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e) {
        return SearchResource.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
