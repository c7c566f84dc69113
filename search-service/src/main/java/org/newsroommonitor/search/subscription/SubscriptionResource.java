package org.newsroommonitor.search.subscription;

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
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.api.BadSearchRequestException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Saved searches, stored in the compacted topic {@code news.subscriptions}. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;

    public SubscriptionResource(SubscriptionView view, SubscriptionPublisher publisher) {
        this.view = view;
        this.publisher = publisher;
    }

    @GET
    @Operation(summary = "Saved searches, oldest first (of one owner with ?owner=)")
    public List<Subscription> list(@Parameter(description = "only this owner's") @QueryParam("owner") String owner) {
        return view.all(owner == null || owner.isBlank() ? null : owner.strip());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One saved search")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription with id ...\"}")
    public Subscription get(@PathParam("id") String id) {
        return view.get(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search", description = "Body {name, query, topics[], places[], owner}; query in the "
            + "editor syntax of /api/search (validated the same way). Answers 201 with the subscription and its id.")
    @APIResponse(responseCode = "201", description = "the saved subscription; Location: /api/subscriptions/{id}")
    @APIResponse(responseCode = "400", description = "{\"error\": \"why\"}: missing name, invalid query, ...")
    public Response create(SubscriptionRequest body) {
        SubscriptionRequest request = required(body).validated();
        Instant now = now();
        Subscription subscription = Subscription.of(UUID.randomUUID().toString(), request.name(), request.query(),
                request.topics(), request.places(), request.owner(), now, now);
        view.put(subscription, publisher.publish(subscription));
        return Response.created(URI.create("/api/subscriptions/" + subscription.id())).entity(subscription).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a saved search's name, query, topics, places and owner (createdAt is kept)")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription with id ...\"}")
    public Subscription update(@PathParam("id") String id, SubscriptionRequest body) {
        Subscription current = get(id);
        SubscriptionRequest request = required(body).validated();
        Instant now = now();
        if (current.updatedAt() != null && !now.isAfter(current.updatedAt())) {
            now = current.updatedAt().plusMillis(1);
        }
        Subscription updated = Subscription.of(id, request.name(), request.query(), request.topics(),
                request.places(), request.owner(), current.createdAt(), now);
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
            throw new BadSearchRequestException("a JSON body {name, query, topics, places, owner} is required");
        }
        return body;
    }

    private static Instant now() {
        return Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no subscription with id " + id);
    }
}
