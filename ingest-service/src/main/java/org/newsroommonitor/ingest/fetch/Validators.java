package org.newsroommonitor.ingest.fetch;

import java.net.http.HttpHeaders;

/**
 * The cache validators of the last response of a feed, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged feed costs the publisher a 304 and no body.
 *
 * @param etag         the {@code ETag} header as received, or {@code null}
 * @param lastModified the {@code Last-Modified} header as received, or {@code null}
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    /** These validators with those a response sent in their place; one it did not send (or sent blank) is kept. */
    public Validators renewedBy(HttpHeaders headers) {
        return new Validators(header(headers, "ETag", etag), header(headers, "Last-Modified", lastModified));
    }

    private static String header(HttpHeaders headers, String name, String fallback) {
        return headers.firstValue(name).filter(value -> !value.isBlank()).orElse(fallback);
    }
}
