package org.newsroommonitor.ingest.fetch;

/** How one poll of one feed ended; {@link #tag()} is the {@code outcome} tag of the fetch counter. */
public enum FetchOutcome {
    /** Fetched and parsed. */
    OK("ok"),
    /** HTTP 304: unchanged since the validators we sent. */
    NOT_MODIFIED("not_modified"),
    /** The URL is not one ingest-service may fetch (not http/https, no host, redirect downgrade, ...). */
    REFUSED("refused"),
    /** The server answered with a status other than 2xx (after following redirects). */
    HTTP_ERROR("http_error"),
    /** No complete response in time (connect or read timeout). */
    TIMEOUT("timeout"),
    /** The body was larger than {@code newsroom.ingest.max-body-size}, compressed or decoded. */
    TOO_LARGE("too_large"),
    /** DNS, connection, TLS or transfer failure. */
    NETWORK_ERROR("network_error"),
    /** Fetched, but not a readable feed (malformed XML, DOCTYPE refused, a web page, JSON but no JSON Feed, ...). */
    PARSE_ERROR("parse_error");

    private final String tag;

    FetchOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
