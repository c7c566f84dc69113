package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroommonitor.ingest.status.FeedStatus;

/**
 * A feed just added, as {@code POST /api/feeds} and the OPML import answer it: the feed's status, and the web page
 * it was found on when the URL given was a page.
 *
 * @param status         the feed with how polling it is going (its fields, unwrapped)
 * @param discoveredFrom the URL given, when it was a web page linking to this one feed; {@code null} when the URL
 *                       given is the feed's
 */
public record AddedFeed(
        @JsonUnwrapped FeedStatus status,
        @Schema(description = "the URL given, when it was a web page linking to this one feed (autodiscovery); null "
                + "when the URL given is the feed's", nullable = true)
        String discoveredFrom) {
}
