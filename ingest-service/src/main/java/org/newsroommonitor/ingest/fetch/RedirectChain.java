package org.newsroommonitor.ingest.fetch;

import org.newsroommonitor.ingest.net.FeedUrlPolicy;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.net.GuardedDnsResolver;

import java.net.URI;
import java.util.Set;

/**
 * The redirects of one fetch, followed one hop at a time. A redirect must name its target ({@code Location}), at most
 * {@code maxRedirects} are followed, and every target must pass {@link FeedUrlPolicy#checkRedirect} (http or https
 * with a host, never from https down to http) before it is requested. Its address is then checked by
 * {@link GuardedDnsResolver} when the fetcher connects, as the first hop's is: a redirect cannot lead a fetch to an
 * internal address (SSRF).
 */
final class RedirectChain {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxRedirects;
    private URI current;
    private int followed;

    RedirectChain(URI start, int maxRedirects) {
        this.current = start;
        this.maxRedirects = maxRedirects;
    }

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /** The URI to request next: the start, or the last redirect's target. */
    URI current() {
        return current;
    }

    /**
     * Moves on to the target of a redirect answered for {@link #current()}.
     *
     * @param status   the redirect's HTTP status
     * @param location its {@code Location} header, or {@code null}
     * @throws FetchFailure when the redirect cannot or may not be followed, with the reason in plain words
     */
    void follow(int status, String location) throws FetchFailure {
        if (location == null || location.isBlank()) {
            throw new FetchFailure(FetchOutcome.HTTP_ERROR, status,
                    "the server answered HTTP " + status + " (redirect) without a Location header");
        }
        if (followed >= maxRedirects) {
            throw new FetchFailure(FetchOutcome.HTTP_ERROR, status,
                    "more than " + maxRedirects + " redirects, last one to " + location);
        }
        URI next;
        try {
            next = current.resolve(location.strip().replace(" ", "%20"));
            FeedUrlPolicy.checkRedirect(current, next);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure(FetchOutcome.HTTP_ERROR, status,
                    "the server redirected to an invalid URL: " + location);
        } catch (RefusedUrlException e) {
            throw new FetchFailure(FetchOutcome.REFUSED, status, e.getMessage());
        }
        current = next;
        followed++;
    }
}
