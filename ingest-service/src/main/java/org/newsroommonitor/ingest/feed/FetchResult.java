package org.newsroommonitor.ingest.feed;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What {@link FeedFetcher#fetch(String)} gives back: the feed's bytes, or why there are none. */
public sealed interface FetchResult {

    /**
     * A 2xx response with its decoded body.
     *
     * @param uri     the URI finally fetched (after redirects)
     * @param status  the HTTP status
     * @param headers the response headers (ETag, Last-Modified, Content-Type, ...)
     * @param body    the body, gzip already decoded
     */
    record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) implements FetchResult {
        /** The {@code Content-Type} header, if any, for charset detection. */
        public Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }
    }

    /**
     * No usable response.
     *
     * @param outcome what kind of failure
     * @param status  the HTTP status when the server answered, else {@code null}
     * @param error   what went wrong, in plain words, for the feed status page and the log
     */
    record Failed(FetchOutcome outcome, Integer status, String error) implements FetchResult {
    }
}
