package org.newsroommonitor.ingest.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs ingest-service may fetch; checked for the configured feed URL and again for every redirect target.
 * Absolute {@code http}/{@code https} URLs with a host, and no redirect from https down to http. The addresses a
 * host resolves to are checked by {@link GuardedDnsResolver} when connecting.
 */
public final class FeedUrlPolicy {

    private FeedUrlPolicy() {
    }

    /** Parses and checks a configured feed URL; the reason it is refused, in plain words, otherwise. */
    public static URI checkFeedUrl(String url) throws RefusedUrlException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a valid URL: " + url + " (" + e.getReason() + ")");
        }
        check(uri);
        return uri;
    }

    /**
     * Checks a feed URL as the admin API accepts it: {@link #checkFeedUrl(String)}, and its host resolved now and
     * checked by the SSRF guard (the fetcher checks again at every connection).
     */
    public static URI checkNewFeedUrl(String url, AllowedHosts allowed) throws RefusedUrlException {
        URI uri = checkFeedUrl(url);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme(uri).equals("https") ? 443 : 80;
        try {
            GuardedDnsResolver.check(uri.getHost(), port, allowed);
        } catch (GuardedDnsResolver.RefusedAddressException e) {
            throw new RefusedUrlException(e.getMessage());
        } catch (java.net.UnknownHostException e) {
            throw new RefusedUrlException("the host " + uri.getHost() + " is unknown (DNS found no address)");
        }
        return uri;
    }

    /** Checks the target of a redirect from {@code from}. */
    public static void checkRedirect(URI from, URI to) throws RefusedUrlException {
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
    public static final class RefusedUrlException extends Exception {
        public RefusedUrlException(String message) {
            super(message);
        }
    }
}
