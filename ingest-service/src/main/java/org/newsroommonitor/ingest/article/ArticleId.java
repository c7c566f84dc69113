package org.newsroommonitor.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The stable article id of {@code docs/messages.md}: the first 16 bytes of SHA-256, as 32 lower-case hex
 * characters, of what identifies the article. Usually that is its canonical URL (see {@link UrlCanonicalizer}), so
 * the same article fetched twice, or from two feeds, gets the same id. Each other kind of id hashes a different
 * prefix, so no two kinds can ever give the same id (a canonical URL always starts with {@code http}):
 * <ul>
 * <li>{@link #ofLinkAndGuid}: the entry shares its link with other entries of its feed that have other guids (a
 * podcast linking every episode to its home page), so the link alone would merge distinct entries;
 * <li>{@link #ofGuid}: the entry has no usable link (none, or not an absolute http/https URL);
 * <li>{@link #ofContent}: the entry has neither a guid nor a link of its own; its title (or, without a title, the
 * start of its text) and date, within the feed or the shared link.
 * </ul>
 * Guids are meant to be globally unique; a feed that reuses short guids such as {@code "1"} could collide with
 * another such feed, which is why a usable link is always preferred.
 */
public final class ArticleId {

    private ArticleId() {
    }

    /** The id of an article whose canonical URL is {@code canonicalUrl}. */
    public static String ofCanonicalUrl(String canonicalUrl) {
        return hash(canonicalUrl);
    }

    /** The id of an article without a usable link, from its feed guid / Atom id. */
    public static String ofGuid(String guid) {
        return hash("guid:" + guid);
    }

    /** The id of an entry that shares its canonical link with entries of other guids in the same feed. */
    public static String ofLinkAndGuid(String canonicalUrl, String guid) {
        return hash("link+guid:" + canonicalUrl + "\n" + guid);
    }

    /**
     * The id of an entry known by neither its own link nor a guid: {@code scope} (the feed's URL, or the link the
     * entry shares), its date ({@code null} when it has none), its title, and {@code text} when the title is blank.
     */
    public static String ofContent(String scope, Instant date, String title, String text) {
        String content = title == null || title.isBlank() ? "text:" + (text == null ? "" : text) : "title:" + title;
        return hash("content:" + scope + "\n" + (date == null ? "" : date.toString()) + "\n" + content);
    }

    private static String hash(String value) {
        return HexFormat.of().formatHex(Arrays.copyOf(Sha256.digest(value), 16));
    }

    /** SHA-256 of UTF-8 text. */
    public static final class Sha256 {
        private Sha256() {
        }

        public static byte[] digest(String value) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        public static String hex(String value) {
            return HexFormat.of().formatHex(digest(value));
        }

        public static String hex(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
