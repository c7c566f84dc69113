package org.newsroommonitor.search.alert;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.newsroommonitor.edges.Roles;
import org.newsroommonitor.messages.Alert;

import java.util.List;
import java.util.function.Predicate;

/**
 * Alerts of saved searches, live and recent, for signed-in users: an editor gets the alerts of their own saved
 * searches, the admin every one ({@link AlertAudience}). Anonymous callers are answered 401 even when the archive is
 * open, because a saved search and what it found are its owner's.
 */
@Path("/api/alerts")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class AlertResource {

    private final AlertBroadcaster broadcaster;
    private final AlertAudience audience;
    private final SecurityIdentity caller;

    public AlertResource(AlertBroadcaster broadcaster, AlertAudience audience, SecurityIdentity caller) {
        this.broadcaster = broadcaster;
        this.audience = audience;
        this.caller = caller;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one event per alert from now on",
            description = "Each event's data is one JSON alert {subscriptionId, subscriptionName, articleId, title, url, matched[], time}. "
                    + "Only alerts that arrive after the connection opened; see /api/alerts/recent for earlier ones.")
    public Multi<Alert> stream(@Parameter(description = "subscription id; absent: alerts of every subscription "
            + "the caller may see") @QueryParam("subscription") String subscription) {
        Predicate<Alert> mine = callersAlerts();
        return broadcaster.live(blankToNull(subscription)).select().where(mine);
    }

    @GET
    @Path("/recent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Of the last 100 alerts this instance received, those the caller may see (oldest first), "
            + "of one subscription or all")
    public List<Alert> recent(@QueryParam("subscription") String subscription) {
        return broadcaster.recent(blankToNull(subscription)).stream().filter(callersAlerts()).toList();
    }

    /** The caller's alerts, decided from values read now: the stream outlives the request and its identity. */
    private Predicate<Alert> callersAlerts() {
        return audience.of(caller.getPrincipal().getName(), caller.hasRole(Roles.ADMIN));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
