package org.newsroommonitor.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an article link into its canonical form, as {@code docs/messages.md} defines {@code canonicalUrl}:
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid}) and the
 * fragment are removed, scheme and host are lower-cased and the scheme's default port is dropped. Nothing
 * else changes: path, remaining parameters (in their order) and their percent-encoding stay as the feed gave them,
 * so two links that differ only in what the contract lists get the same canonical form and nothing more is merged.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "mc_cid", "mc_eid");

    private UrlCanonicalizer() {
    }

    /**
     * @param url an absolute URL with a host
     * @return the canonical form of {@code url}
     * @throws IllegalArgumentException when {@code url} is not an absolute URL with a host
     */
    public static String canonicalize(String url) {
        URI uri = parse(url);
        if (uri.getScheme() == null || uri.isOpaque()) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no valid host: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder(url.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            canonical.append(uri.getRawUserInfo()).append('@');
        }
        canonical.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            canonical.append(':').append(port);
        }
        if (uri.getRawPath() != null) {
            canonical.append(uri.getRawPath());
        }
        String query = withoutTrackingParameters(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /** Parses {@code url}, tolerating the one common feed mistake of unencoded spaces. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty URL");
        }
        try {
            return new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url + " (" + e.getReason() + ")", e);
        }
    }

    private static String withoutTrackingParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(parameter)) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }

    private static boolean isTracking(String parameter) {
        int equals = parameter.indexOf('=');
        String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
