package org.newsroommonitor.search.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroommonitor.edges.ErrorBody;
import org.newsroommonitor.edges.ErrorMappers;

/**
 * Answers search-service's own refusals as {@code {"error": "why"}}: 400 for a search request with an invalid
 * parameter, 503 while Elasticsearch is away or the index is not ready. Every other error answer is the shared one of
 * {@link ErrorMappers}.
 */
public class SearchErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> badRequest(BadSearchRequestException e) {
        return ErrorMappers.answer(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unavailable(SearchUnavailableException e) {
        return ErrorMappers.answer(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
    }
}
