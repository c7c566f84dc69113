package org.newsroommonitor.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The stable article id of {@code docs/messages.md}: the first 16 bytes of SHA-256, as 32 lower-case hex
 * characters, of the article's canonical URL (see {@link UrlCanonicalizer}). The same article fetched twice, or
 * from two feeds, gets the same id.
 * <p>
 * An entry without a usable link (none, or not an absolute http/https URL even after resolving it against the
 * feed) is identified by its feed guid instead: the id is then the same hash of {@code "guid:" + guid}, so it can
 * never equal the id of a URL (a canonical URL always starts with {@code http}). Such an article has no
 * {@code url} and {@code canonicalUrl} (both {@code null}). Guids are meant to be globally unique; a feed that
 * reuses short guids such as {@code "1"} could collide with another such feed, which is why a usable link is
 * always preferred. An entry with neither a usable link nor a guid cannot be identified and is not published.
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
