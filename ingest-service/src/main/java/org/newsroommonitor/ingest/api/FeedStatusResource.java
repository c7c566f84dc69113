package org.newsroommonitor.ingest.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.newsroommonitor.ingest.feed.FeedPoller;
import org.newsroommonitor.ingest.feed.FeedStatus;

import java.util.List;

/** {@code GET /api/feeds}: every configured feed with how its polling is going, in configuration order. */
@Path("/api/feeds")
public class FeedStatusResource {

    private final FeedPoller poller;

    public FeedStatusResource(FeedPoller poller) {
        this.poller = poller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeedStatus> feeds() {
        return poller.statuses();
    }
}
