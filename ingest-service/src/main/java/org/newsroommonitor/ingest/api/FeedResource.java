package org.newsroommonitor.ingest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.registry.FeedRegistry.AlreadyRegisteredException;
import org.newsroommonitor.ingest.registry.Opml;
import org.newsroommonitor.ingest.status.FeedStatus;
import org.newsroommonitor.ingest.status.FeedStatusService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin API of the feed registry: list, add, show, pause/resume/rename, remove, OPML import and export.
 * Errors answer {@code {"error": "<why, in plain words>"}}.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    static final String OPML = "text/x-opml";

    private final FeedRegistry registry;
    private final FeedStatusService statuses;

    public FeedResource(FeedRegistry registry, FeedStatusService statuses) {
        this.registry = registry;
        this.statuses = statuses;
    }

    /** A new feed: {@code url} required, {@code name} optional. */
    public record NewFeed(String url, String name) {
    }

    /** Changes to a feed: {@code paused} and/or {@code name}; absent fields stay as they are. */
    public record FeedChanges(Boolean paused, String name) {
    }

    /** What an OPML import did. */
    public record ImportResult(List<FeedStatus> added, List<String> alreadyRegistered, List<Refused> refused) {
    }

    public record Refused(String url, String error) {
    }

    @GET
    public List<FeedStatus> list() {
        return statuses.statuses();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewFeed body, @Context UriInfo uri) {
        if (body == null) {
            return error(400, "the body must be JSON: {\"url\": \"...\", \"name\": \"...\"}");
        }
        try {
            Feed feed = registry.add(body.url(), body.name(), "api");
            return Response.created(uri.getAbsolutePathBuilder().path(feed.id()).build())
                    .entity(statuses.status(feed)).build();
        } catch (RefusedUrlException e) {
            return error(400, e.getMessage());
        } catch (AlreadyRegisteredException e) {
            return error(409, e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return registry.find(id).map(feed -> Response.ok(statuses.status(feed)).build())
                .orElseGet(() -> notFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, FeedChanges changes) {
        if (changes == null) {
            return error(400, "the body must be JSON: {\"paused\": true|false, \"name\": \"...\"}");
        }
        return registry.update(id, changes.paused(), changes.name()).map(feed -> {
            if (Boolean.FALSE.equals(changes.paused())) {
                statuses.resume(feed);
            }
            return Response.ok(statuses.status(feed)).build();
        }).orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        return registry.remove(id).map(feed -> Response.noContent().build()).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("/opml")
    @Produces({OPML, MediaType.APPLICATION_XML})
    public Response exportOpml() {
        List<Opml.Outline> outlines = registry.feeds().stream()
                .map(feed -> new Opml.Outline(feed.url(), feed.name())).toList();
        return Response.ok(Opml.write("Newsroom Monitor feeds", outlines), OPML + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"feeds.opml\"").build();
    }

    @POST
    @Path("/opml")
    @Consumes({OPML, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_OCTET_STREAM})
    public Response importOpml(byte[] body) {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        List<FeedStatus> added = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Opml.Outline outline : outlines) {
            try {
                added.add(statuses.status(registry.add(outline.url(), outline.name(), "opml")));
            } catch (RefusedUrlException e) {
                refused.add(new Refused(outline.url(), e.getMessage()));
            } catch (AlreadyRegisteredException e) {
                existing.add(outline.url());
            }
        }
        return Response.ok(new ImportResult(added, existing, refused)).build();
    }

    private static Response notFound(String id) {
        return error(404, "no feed with id " + id);
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
