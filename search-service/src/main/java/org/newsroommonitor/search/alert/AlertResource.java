package org.newsroommonitor.search.alert;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.newsroommonitor.messages.Alert;

import java.util.List;

/** Alerts of saved searches, live. */
@Path("/api/alerts")
public class AlertResource {

    private final AlertBroadcaster broadcaster;

    public AlertResource(AlertBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one event per alert from now on",
            description = "Each event's data is one JSON alert {subscriptionId, subscriptionName, articleId, title, url, matched[], time}. "
                    + "Only alerts that arrive after the connection opened; see /api/alerts/recent for earlier ones.")
    public Multi<Alert> stream(@Parameter(description = "subscription id; absent: alerts of every subscription")
            @QueryParam("subscription") String subscription) {
        return broadcaster.live(blankToNull(subscription));
    }

    @GET
    @Path("/recent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last 100 alerts this instance received (oldest first), of one subscription or all")
    public List<Alert> recent(@QueryParam("subscription") String subscription) {
        return broadcaster.recent(blankToNull(subscription));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
