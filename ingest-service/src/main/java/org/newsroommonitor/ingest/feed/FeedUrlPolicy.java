package org.newsroommonitor.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs ingest-service may fetch; checked for the configured feed URL and again for every redirect target.
 * Today: absolute {@code http}/{@code https} URLs with a host, and no redirect from https down to http. This is
 * the one place where further rules (such as refusing private and loopback addresses) belong.
 */
final class FeedUrlPolicy {

    private FeedUrlPolicy() {
    }

    /** Parses and checks a configured feed URL; the reason it is refused, in plain words, otherwise. */
    static URI checkFeedUrl(String url) throws RefusedUrlException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a valid URL: " + url + " (" + e.getReason() + ")");
        }
        check(uri);
        return uri;
    }

    /** Checks the target of a redirect from {@code from}. */
    static void checkRedirect(URI from, URI to) throws RefusedUrlException {
        check(to);
        if (scheme(from).equals("https") && scheme(to).equals("http")) {
            throw new RefusedUrlException("redirect from https to plain http refused: " + to);
        }
    }

    private static void check(URI uri) throws RefusedUrlException {
        String scheme = scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https feed URLs are fetched, not "
                    + (scheme.isEmpty() ? "a URL without scheme" : "'" + scheme + "'") + ": " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedUrlException("URL has no valid host name: " + uri);
        }
    }

    private static String scheme(URI uri) {
        return Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    }

    /** A URL ingest-service will not fetch, with the reason. */
    static final class RefusedUrlException extends Exception {
        RefusedUrlException(String message) {
            super(message);
        }
    }
}
