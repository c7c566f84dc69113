package org.newsroommonitor.ingest.registry;

import org.newsroommonitor.ingest.article.ArticleId;

/**
 * A feed ingest-service polls.
 *
 * @param id     stable id derived from the URL ({@link #idOf(String)}), the same on every replica
 * @param url    the RSS/Atom URL
 * @param name   a name for people, or {@code null} (then the feed's own title is used in articles)
 * @param paused paused by an operator through the API (auto-pause after failures is feed state, not this)
 * @param origin where the feed comes from: {@code file}, {@code env}, {@code api} or {@code opml}
 */
public record Feed(String id, String url, String name, boolean paused, String origin) {

    public static Feed of(String url, String name, String origin) {
        return new Feed(idOf(url), url, name == null || name.isBlank() ? null : name.strip(), false, origin);
    }

    /** The first 8 bytes of SHA-256 of the URL, hex: 16 characters. */
    public static String idOf(String url) {
        return ArticleId.Sha256.hex(url.strip()).substring(0, 16);
    }

    public Feed withPaused(boolean paused) {
        return new Feed(id, url, name, paused, origin);
    }

    public Feed withName(String name) {
        return new Feed(id, url, name == null || name.isBlank() ? null : name.strip(), paused, origin);
    }
}
