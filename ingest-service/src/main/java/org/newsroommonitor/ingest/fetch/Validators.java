package org.newsroommonitor.ingest.fetch;

/**
 * The cache validators of the last response of a feed, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged feed costs the publisher a 304 and no body.
 *
 * @param etag         the {@code ETag} header as received, or {@code null}
 * @param lastModified the {@code Last-Modified} header as received, or {@code null}
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
