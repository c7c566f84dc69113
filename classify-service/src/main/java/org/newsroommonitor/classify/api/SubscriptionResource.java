package org.newsroommonitor.classify.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.edges.Roles;
import org.newsroommonitor.messages.Subscription;

import java.util.Comparator;
import java.util.List;

/**
 * The saved searches this instance has in force, as read from {@code news.subscriptions} (read-only; they are
 * created and changed through search-service): {@code GET /api/subscriptions}, {@code GET /api/subscriptions/{id}}.
 * Every owner's: for the admin only (docs/SECURITY.md).
 */
@RolesAllowed(Roles.ADMIN)
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionMatcher matcher;

    public SubscriptionResource(SubscriptionMatcher matcher) {
        this.matcher = matcher;
    }

    @GET
    @Operation(summary = "The saved searches in force on this instance, by id")
    @APIResponse(responseCode = "200", description = "the saved searches")
    public List<Subscription> all() {
        return matcher.all().stream().sorted(Comparator.comparing(Subscription::id)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One saved search in force on this instance")
    @APIResponse(responseCode = "200", description = "the saved search")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no subscription ... in force\"}")
    public Subscription one(@PathParam("id") String id) {
        return matcher.get(id).orElseThrow(() -> new NotFoundException("no subscription " + id + " in force"));
    }
}
