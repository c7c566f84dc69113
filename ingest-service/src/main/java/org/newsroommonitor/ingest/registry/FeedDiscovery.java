package org.newsroommonitor.ingest.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchOutcome;
import org.newsroommonitor.ingest.fetch.FetchResult;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.parse.FeedLink;
import org.newsroommonitor.ingest.parse.FeedParseException;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.ingest.parse.WebPageException;
import org.newsroommonitor.ingest.registry.FeedRegistry.AlreadyRegisteredException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds the feeds people give (the admin API, an OPML import) the way feed readers do when a site's address is
 * pasted: the URL is checked as {@link FeedRegistry#check} does, fetched once through the {@link FeedFetcher} (its
 * limits, redirects and SSRF guard), and what the body is decides what is registered:
 * <ul>
 * <li>a feed, or a body that is no web page (a broken feed the poll will report on): the URL given;</li>
 * <li>a web page that links to exactly one feed (autodiscovery, {@link WebPageException#feeds()}): that feed, after
 *     the same checks, with the page named in {@link Added#discoveredFrom()};</li>
 * <li>a web page that links to no feed or to several: nothing, {@link NotAFeedException} with the feeds;</li>
 * <li>no answer (network, timeout, an HTTP error): the URL given, as a feed may be down for a while; the poll
 *     reports it. A URL the fetcher refuses (a redirect to an internal address) is refused.</li>
 * </ul>
 */
@ApplicationScoped
public class FeedDiscovery {

    private static final Logger LOG = Logger.getLogger(FeedDiscovery.class);

    private final FeedRegistry registry;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final int parallelLooks;

    @Inject
    public FeedDiscovery(FeedRegistry registry, FeedFetcher fetcher, FeedParser parser, IngestConfig config) {
        this(registry, fetcher, parser, config.fetchThreads());
    }

    public FeedDiscovery(FeedRegistry registry, FeedFetcher fetcher, FeedParser parser, int parallelLooks) {
        this.registry = registry;
        this.fetcher = fetcher;
        this.parser = parser;
        this.parallelLooks = Math.max(1, parallelLooks);
    }

    /**
     * A feed registered.
     *
     * @param feed           the feed
     * @param discoveredFrom the web page whose URL was given and which links to this feed; {@code null} when the URL
     *                       given was registered itself
     */
    public record Added(Feed feed, String discoveredFrom) {
    }

    /** What one URL of {@link #addAll} came to: {@code added}, or the {@code refusal} why not. */
    public record Attempt(Opml.Outline outline, Added added, Exception refusal) {
    }

    /**
     * Registers the feed at {@code url}, or the one feed of the web page at {@code url}.
     *
     * @throws RefusedUrlException        the URL (or the page's feed) may not be fetched, with the reason
     * @throws AlreadyRegisteredException the URL (or the page's feed) is registered already
     * @throws NotAFeedException          the URL is a web page linking to no feed or to several
     */
    public Added add(String url, String name, String origin)
            throws RefusedUrlException, AlreadyRegisteredException, NotAFeedException {
        Found found = look(url);
        return new Added(registry.add(found.url(), name, origin), found.discoveredFrom());
    }

    /**
     * {@link #add} for every outline, in their order: the URLs are fetched {@code newsroom.ingest.fetch-threads}
     * at a time, then registered one by one, so a list of slow hosts takes about its length divided by that many
     * fetch timeouts.
     */
    public List<Attempt> addAll(List<Opml.Outline> outlines, String origin) {
        List<Future<Found>> looks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelLooks, Math.max(1, outlines.size())),
                Thread.ofPlatform().name("feed-discovery-", 1).daemon().factory())) {
            for (Opml.Outline outline : outlines) {
                looks.add(pool.submit(() -> look(outline.url())));
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < outlines.size(); i++) {
            Opml.Outline outline = outlines.get(i);
            try {
                Found found = looks.get(i).get();
                attempts.add(new Attempt(outline, new Added(registry.add(found.url(), outline.name(), origin),
                        found.discoveredFrom()), null));
            } catch (ExecutionException e) {
                attempts.add(new Attempt(outline, null, refusal(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing feeds", e);
            } catch (RefusedUrlException | AlreadyRegisteredException e) {
                attempts.add(new Attempt(outline, null, e));
            }
        }
        return attempts;
    }

    private static Exception refusal(Throwable cause) {
        if (cause instanceof RefusedUrlException || cause instanceof AlreadyRegisteredException
                || cause instanceof NotAFeedException) {
            return (Exception) cause;
        }
        if (cause instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        throw new IllegalStateException(cause);
    }

    /** The URL to register for {@code url}: itself, or the one feed of the page it is, checked; never registers. */
    private Found look(String url) throws RefusedUrlException, AlreadyRegisteredException, NotAFeedException {
        String checked = registry.check(url);
        FetchResult result = fetcher.fetch(checked);
        if (result instanceof FetchResult.Failed failed) {
            if (failed.outcome() == FetchOutcome.REFUSED) {
                throw new RefusedUrlException(failed.error());
            }
            LOG.infof("Feed %s could not be fetched to look at it (%s); added as given", checked, failed.error());
            return new Found(checked, null);
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return new Found(checked, null);
        }
        List<FeedLink> feeds;
        try {
            parser.parse(fetched.body(), fetched.contentType().orElse(null), fetched.uri());
            return new Found(checked, null);
        } catch (WebPageException page) {
            feeds = page.feeds();
        } catch (FeedParseException | RuntimeException unreadable) {
            return new Found(checked, null); // no page: registered as given, its status will say what is wrong
        }
        if (feeds.size() != 1) {
            throw new NotAFeedException(checked, feeds);
        }
        String feed = feeds.getFirst().url();
        try {
            String feedChecked = registry.check(feed);
            LOG.infof("%s is a web page that links to one feed, %s: adding that feed", checked, feedChecked);
            return new Found(feedChecked, checked);
        } catch (RefusedUrlException e) {
            throw new RefusedUrlException(checked + " is a web page; the one feed it links to, " + feed
                    + ", may not be fetched: " + e.getMessage());
        } catch (AlreadyRegisteredException e) {
            throw new AlreadyRegisteredException(checked + " is a web page; the one feed it links to, " + feed
                    + ", is already registered, with id " + e.existing().id(), e.existing());
        }
    }

    private record Found(String url, String discoveredFrom) {
    }

    /** The URL given is a web page linking to no feed or to several: nothing is registered; the feeds are offered. */
    public static final class NotAFeedException extends Exception {
        private final String page;
        private final List<FeedLink> feeds;

        NotAFeedException(String page, List<FeedLink> feeds) {
            super(page + " is a web page (HTML), not a feed; " + (feeds.isEmpty()
                    ? "it links to no feed (no <link rel=\"alternate\"> of type RSS, Atom or JSON Feed): add the "
                    + "address of the site's feed instead"
                    : "it links to " + feeds.size() + " feeds (listed in \"feeds\"): add the one you want"),
                    null, false, false);
            this.page = page;
            this.feeds = List.copyOf(feeds);
        }

        /** The page's URL. */
        public String page() {
            return page;
        }

        /** The feeds it links to, in page order; empty when none. */
        public List<FeedLink> feeds() {
            return feeds;
        }
    }
}
