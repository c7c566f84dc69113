package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroommonitor.edges.ErrorBody;
import org.newsroommonitor.edges.ErrorMappers;
import org.newsroommonitor.edges.JsonErrors;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.registry.FeedDiscovery.NotAFeedException;
import org.newsroommonitor.ingest.registry.FeedRegistry.AlreadyRegisteredException;

import java.util.Locale;

/**
 * Every error answer of ingest-service, as {@code {"error": "<what went wrong, in plain words>"}} ({@link ErrorBody}):
 * the API's own (a refused URL, a feed already registered, a web page given for a feed, with the feeds it links to
 * beside the error, no such feed, a body it cannot use) and the framework's (no such endpoint, a method, a body
 * type or an answer type the endpoint does not take, a body that is not JSON or not of the expected shape). Never
 * an empty body, never a stack trace: anything unexpected is logged and answered 500 with a plain sentence. A body
 * larger than the limit never gets this far: {@link BodyLimit} answers it.
 * <p>
 * The body and its building are http-edges' ({@link ErrorBody}, {@link ErrorMappers#answer}); the framework's
 * refusals are still answered here, in ingest's own words, so http-edges' own mappers are not in force in this
 * service ({@link ErrorMappers#FRAMEWORK_ANSWERS} is {@code own} in application.properties).
 */
public class IngestErrorMappers {

    private static final Logger LOG = Logger.getLogger(IngestErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> refusedUrl(RefusedUrlException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> alreadyRegistered(AlreadyRegisteredException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    /**
     * A web page with no feed or several where a feed was to be added: 422, and beside the error the feeds it links
     * to ({@link FeedChoices}), so that the person can add one of them.
     */
    @ServerExceptionMapper
    public RestResponse<FeedChoices> notAFeed(NotAFeedException e) {
        return RestResponse.ResponseBuilder.<FeedChoices>create(422).entity(new FeedChoices(e.getMessage(), e.feeds()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unknownFeed(UnknownFeedException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidBody(InvalidBodyException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /**
     * JSON of the wrong shape for the endpoint (a value of the wrong type, an array for an object) or with content
     * after its value: the field named, in the words of every service (http-edges' {@link JsonErrors}).
     */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> mismatchedJson(MismatchedInputException e) {
        return error(Response.Status.BAD_REQUEST, JsonErrors.describe(e));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> noSuchEndpoint(NotFoundException e, Request request, UriInfo uri) {
        return error(Response.Status.NOT_FOUND,
                "no such endpoint: " + request.getMethod() + " " + uri.getRequestUri().getRawPath());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> methodNotAllowed(NotAllowedException e, Request request, UriInfo uri) {
        return error(Response.Status.METHOD_NOT_ALLOWED,
                request.getMethod() + " is not allowed on " + uri.getRequestUri().getRawPath());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> notAcceptable(NotAcceptableException e, HttpHeaders headers) {
        return error(Response.Status.NOT_ACCEPTABLE, "this endpoint cannot answer in a type the Accept header asks "
                + "for (" + String.join(", ", headers.getRequestHeader(HttpHeaders.ACCEPT)) + ")");
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unsupportedBodyType(NotSupportedException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, type == null
                ? "the body has no Content-Type, and this endpoint needs one"
                : "this endpoint does not take a body of type " + type.getType() + "/" + type.getSubtype());
    }

    /**
     * The framework's other refusals, a body that is not JSON among them: their status, with the reason they give
     * (the status's own name when they give none).
     */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return error(Response.Status.BAD_REQUEST, JsonErrors.describe(json)); // malformed, or a field twice
        }
        String message = e.getMessage();
        boolean generic = message == null || message.startsWith("HTTP " + status.getStatusCode());
        return error(status, generic ? status.getReasonPhrase().toLowerCase(Locale.ROOT) : message);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        LOG.error("Request failed unexpectedly", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error; the service log has the details");
    }

    private static RestResponse<ErrorBody> error(Response.StatusType status, String message) {
        return ErrorMappers.answer(status.getStatusCode(), message);
    }
}
