package org.newsroommonitor.search.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroommonitor.edges.Roles;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.api.BadSearchRequestException;
import org.newsroommonitor.search.config.SearchConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Saved searches, stored in the compacted topic {@code news.subscriptions}. Only for signed-in editors and the
 * admin: the owner of a saved search is the user who saved it; an editor lists, reads, changes and deletes only
 * their own (another's is answered 404, as one that does not exist, so its id tells nothing); the admin sees and
 * manages every one (docs/SECURITY.md).
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class SubscriptionResource {

    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;
    private final SecurityIdentity caller;
    private final int maxPerOwner;

    public SubscriptionResource(SubscriptionView view, SubscriptionPublisher publisher, SecurityIdentity caller,
                                SearchConfig config) {
        this.view = view;
        this.publisher = publisher;
        this.caller = caller;
        this.maxPerOwner = config.subscriptions().maxPerOwner();
    }

    @GET
    @Operation(summary = "Saved searches, oldest first: the caller's own; the admin's: every one (of one owner "
            + "with ?owner=)")
    public List<Subscription> list(@Parameter(description = "the admin only: only this owner's")
                                   @QueryParam("owner") String owner) {
        if (!isAdmin()) {
            return view.all(me());
        }
        return view.all(owner == null || owner.isBlank() ? null : owner.strip());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One saved search (the caller's own, or any for the admin)")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription with id ...\"}")
    public Subscription get(@PathParam("id") String id) {
        return view.get(id).filter(subscription -> isAdmin() || me().equals(subscription.owner()))
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search", description = "Body {name, query, topics[], places[]}; query in the "
            + "editor syntax of /api/search (validated the same way); the owner is the signed-in user. Answers 201 "
            + "with the subscription and its id.")
    @APIResponse(responseCode = "201", description = "the saved subscription; Location: /api/subscriptions/{id}")
    @APIResponse(responseCode = "400", description = "{\"error\": \"why\"}: missing name, invalid query, ...")
    @APIResponse(responseCode = "409", description = "{\"error\": \"why\"}: the owner has the most saved searches "
            + "allowed (newsroom.search.subscriptions.max-per-owner)")
    public Response create(SubscriptionRequest body) {
        SubscriptionRequest request = required(body).validated();
        String owner = me();
        if (view.all(owner).size() >= maxPerOwner) {
            throw new ClientErrorException("you have " + maxPerOwner + " saved searches, the most allowed: delete "
                    + "one first", Response.Status.CONFLICT);
        }
        Instant now = now();
        Subscription subscription = Subscription.of(UUID.randomUUID().toString(), request.name(), request.query(),
                request.topics(), request.places(), owner, now, now);
        view.put(subscription, publisher.publish(subscription));
        return Response.created(URI.create("/api/subscriptions/" + subscription.id())).entity(subscription).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a saved search's name, query, topics and places (owner and createdAt are kept)")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription with id ...\"}")
    public Subscription update(@PathParam("id") String id, SubscriptionRequest body) {
        Subscription current = get(id);
        SubscriptionRequest request = required(body).validated();
        Instant now = now();
        if (current.updatedAt() != null && !now.isAfter(current.updatedAt())) {
            now = current.updatedAt().plusMillis(1);
        }
        Subscription updated = Subscription.of(id, request.name(), request.query(), request.topics(),
                request.places(), current.owner(), current.createdAt(), now);
        view.put(updated, publisher.publish(updated));
        return updated;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a saved search (writes a tombstone)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription with id ...\"}")
    public Response delete(@PathParam("id") String id) {
        get(id);
        view.delete(id, publisher.delete(id));
        return Response.noContent().build();
    }

    private static SubscriptionRequest required(SubscriptionRequest body) {
        if (body == null) {
            throw new BadSearchRequestException("a JSON body {name, query, topics, places} is required");
        }
        return body;
    }

    private String me() {
        return caller.getPrincipal().getName();
    }

    private boolean isAdmin() {
        return caller.hasRole(Roles.ADMIN);
    }

    private static Instant now() {
        return Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no subscription with id " + id);
    }
}
