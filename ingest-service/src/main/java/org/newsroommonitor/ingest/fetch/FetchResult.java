package org.newsroommonitor.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** What {@link FeedFetcher#fetch(String, Validators)} gives back: the feed's bytes, "not modified", or why neither. */
public sealed interface FetchResult {

    /**
     * A 2xx response with its decoded body.
     *
     * @param uri     the URI finally fetched (after redirects)
     * @param status  the HTTP status
     * @param headers the response headers (ETag, Last-Modified, Content-Type, Cache-Control, ...)
     * @param body    the body, gzip already decoded
     * @param undeclaredCompression the compression ({@code gzip}, {@code zlib}) the body was sent with although no
     *                {@code Content-Encoding} said so, decoded; else {@code null}
     */
    record Fetched(URI uri, int status, HttpHeaders headers, byte[] body, String undeclaredCompression)
            implements FetchResult {
        public Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {
            this(uri, status, headers, body, null);
        }

        /** The {@code Content-Type} header, if any, for charset detection. */
        public Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }
    }

    /**
     * HTTP 304: the feed has not changed since the validators sent.
     *
     * @param uri     the URI finally asked (after redirects)
     * @param headers the response headers (a 304 may renew ETag and Cache-Control)
     */
    record NotModified(URI uri, HttpHeaders headers) implements FetchResult {
    }

    /**
     * No usable response.
     *
     * @param outcome    what kind of failure
     * @param status     the HTTP status when the server answered, else {@code null}
     * @param error      what went wrong, in plain words, for the feed status page and the log
     * @param retryAfter how long the server asked us to wait ({@code Retry-After} of a 429 or 503), else {@code null}
     */
    record Failed(FetchOutcome outcome, Integer status, String error, Duration retryAfter) implements FetchResult {
        public Failed(FetchOutcome outcome, Integer status, String error) {
            this(outcome, status, error, null);
        }
    }
}
