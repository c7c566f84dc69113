package org.newsroommonitor.ingest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.newsroommonitor.edges.ErrorBody;
import org.newsroommonitor.edges.Roles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.parse.FeedLink;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedDiscovery;
import org.newsroommonitor.ingest.registry.FeedDiscovery.NotAFeedException;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.registry.FeedRegistry.AlreadyRegisteredException;
import org.newsroommonitor.ingest.registry.Opml;
import org.newsroommonitor.ingest.status.FeedStatus;
import org.newsroommonitor.ingest.status.FeedStatusService;

import java.util.ArrayList;
import java.util.List;

/**
 * The admin API of the feed registry: list, add, show, pause/resume/rename, remove, OPML import and export. A URL
 * added (alone or in an OPML list) is looked at first by {@link FeedDiscovery}: the one feed of a web page is added
 * instead of the page. Errors are answered by {@link IngestErrorMappers}. Every change is the admin's; an editor may
 * read (docs/SECURITY.md).
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds", description = "The feeds ingest-service polls, and how polling each one is going")
@RolesAllowed(Roles.ADMIN)
public class FeedResource {

    static final String OPML = "text/x-opml";

    private final FeedRegistry registry;
    private final FeedDiscovery discovery;
    private final FeedStatusService statuses;
    private final int maxFeedsPerImport;

    public FeedResource(FeedRegistry registry, FeedDiscovery discovery, FeedStatusService statuses,
                        IngestConfig config) {
        this.registry = registry;
        this.discovery = discovery;
        this.statuses = statuses;
        this.maxFeedsPerImport = config.maxFeedsPerImport();
    }

    /** A new feed: {@code url} required, {@code name} optional. */
    public record NewFeed(String url, String name) {
    }

    /** Changes to a feed: {@code paused} and/or {@code name}; absent fields stay as they are. */
    public record FeedChanges(Boolean paused, String name) {
    }

    /**
     * What an OPML import did: the feeds added; the URLs of those already registered (for a web page, of its one
     * feed); the URLs refused, with the reason.
     */
    public record ImportResult(List<AddedFeed> added, List<String> alreadyRegistered, List<Refused> refused) {
    }

    /** A URL of an OPML list not added, why, and, for a web page with no feed or several, the feeds it links to. */
    public record Refused(String url, String error,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<FeedLink> feeds) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @GET
    @Operation(summary = "Every registered feed with how polling it is going, in the order they were added")
    @APIResponse(responseCode = "200", description = "the feeds")
    public List<FeedStatus> list() {
        return statuses.statuses();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a feed", description = "The URL must be http or https, and its host must resolve to "
            + "public addresses (or be listed in newsroom.ingest.allowed-hosts); the fetcher checks it again at "
            + "every connection. The URL is fetched once, with the fetcher's limits: a web page (HTML) that links "
            + "to exactly one feed (<link rel=\"alternate\"> of type RSS, Atom or JSON Feed) has that feed added "
            + "instead, named in discoveredFrom; a page with no feed or several is not added. A URL that cannot be "
            + "fetched now (network, timeout, HTTP error) is added as given, and its status tells how polling goes.")
    @APIResponse(responseCode = "201", description = "the feed added, with its status, and discoveredFrom: the page "
            + "given when its one feed was added instead; Location is the feed's URL",
            content = @Content(schema = @Schema(implementation = AddedFeed.class)))
    @APIResponse(responseCode = "400", description = "no url, or a URL that may not be fetched (also after a "
            + "redirect, or the one feed of a page), and why",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "a feed with this URL is already registered, or the one feed "
            + "of the page at this URL is",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "the URL is a web page that links to no feed or to several: "
            + "nothing added; feeds lists those it links to (url, title, type), to add one of them",
            content = @Content(schema = @Schema(implementation = FeedChoices.class)))
    public Response add(NewFeed body, @Context UriInfo uri)
            throws RefusedUrlException, AlreadyRegisteredException, NotAFeedException {
        if (body == null) {
            throw new InvalidBodyException("the body must be JSON: {\"url\": \"...\", \"name\": \"...\"}");
        }
        FeedDiscovery.Added added = discovery.add(body.url(), body.name(), "api");
        return Response.created(uri.getAbsolutePathBuilder().path(added.feed().id()).build())
                .entity(answer(added)).build();
    }

    private AddedFeed answer(FeedDiscovery.Added added) {
        return new AddedFeed(statuses.status(added.feed()), added.discoveredFrom());
    }

    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @GET
    @Path("/{id}")
    @Operation(summary = "One feed with how polling it is going")
    @APIResponse(responseCode = "200", description = "the feed")
    @APIResponse(responseCode = "404", description = "no feed with this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public FeedStatus get(@PathParam("id") String id) {
        return statuses.status(registry.find(id).orElseThrow(() -> new UnknownFeedException(id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pauses, resumes or renames a feed", description = "{\"paused\": false} also clears an "
            + "automatic pause after failures, and the failure count: the feed is polled at the next tick.")
    @APIResponse(responseCode = "200", description = "the feed as changed")
    @APIResponse(responseCode = "400", description = "no body, or one that does not fit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "no feed with this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public FeedStatus update(@PathParam("id") String id, FeedChanges changes) {
        if (changes == null) {
            throw new InvalidBodyException("the body must be JSON: {\"paused\": true|false, \"name\": \"...\"}");
        }
        Feed feed = registry.update(id, changes.paused(), changes.name())
                .orElseThrow(() -> new UnknownFeedException(id));
        if (Boolean.FALSE.equals(changes.paused())) {
            statuses.resume(feed);
        }
        return statuses.status(feed);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Removes a feed; its articles already published stay")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no feed with this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public void remove(@PathParam("id") String id) {
        registry.remove(id).orElseThrow(() -> new UnknownFeedException(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @GET
    @Path("/opml")
    @Produces({OPML, MediaType.APPLICATION_XML})
    @Operation(summary = "Every registered feed as an OPML 2.0 subscription list")
    @APIResponse(responseCode = "200", description = "the OPML file (feeds.opml)")
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
    @Operation(summary = "Adds every feed of an OPML subscription list", description = "Folders are flattened; each "
            + "URL is checked and looked at as for POST /api/feeds (several at a time): the one feed of a web page "
            + "is added instead of the page. DOCTYPE declarations are refused, and so is a list of more feeds than "
            + "newsroom.ingest.max-feeds-per-import (default 500): nothing of it is added.")
    @APIResponse(responseCode = "200", description = "the feeds added (discoveredFrom as for POST /api/feeds), "
            + "the URLs already registered, and those refused with the reason (and, for a web page with no feed or "
            + "several, the feeds it links to)")
    @APIResponse(responseCode = "400", description = "not an OPML file that can be read, or more feeds than the "
            + "limit of one import",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ImportResult importOpml(byte[] body) {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            throw new InvalidBodyException(e.getMessage());
        }
        if (outlines.size() > maxFeedsPerImport) {
            throw new InvalidBodyException("the OPML lists " + outlines.size() + " feeds, more than the limit of "
                    + maxFeedsPerImport + " per import (newsroom.ingest.max-feeds-per-import): nothing added");
        }
        List<AddedFeed> added = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (FeedDiscovery.Attempt attempt : discovery.addAll(outlines, "opml")) {
            switch (attempt.refusal()) {
                case null -> added.add(answer(attempt.added()));
                case AlreadyRegisteredException e -> existing.add(e.existing().url());
                case NotAFeedException e -> refused.add(new Refused(attempt.outline().url(), e.getMessage(),
                        e.feeds()));
                default -> refused.add(new Refused(attempt.outline().url(), attempt.refusal().getMessage(), null));
            }
        }
        return new ImportResult(added, existing, refused);
    }
}
