package org.newsroommonitor.ingest.parse;

/**
 * The wire entry of an item read from a JSON Feed ({@code SyndEntry#getWireEntry()}): what Rome's model has no
 * place for.
 *
 * @param id          the item's {@code id}, or {@code null}
 * @param image       its {@code image} (the main image), or {@code null}
 * @param bannerImage its {@code banner_image}, or {@code null}
 */
public record JsonFeedItem(String id, String image, String bannerImage) {
}
