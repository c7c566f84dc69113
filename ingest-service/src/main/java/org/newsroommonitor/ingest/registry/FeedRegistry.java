package org.newsroommonitor.ingest.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.net.FeedUrlPolicy;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The feeds to poll, in the order they were added: those of the feed file ({@code newsroom.ingest.feeds-file},
 * else the bundled {@code feeds.yaml}), those of {@code newsroom.ingest.feeds} ({@code NEWSROOM_INGEST_FEEDS}),
 * and those added through the admin API or an OPML import. Changes are announced to the listeners (the Kafka
 * state store shares them with the other replicas and replays them at start).
 */
@ApplicationScoped
public class FeedRegistry {

    private static final Logger LOG = Logger.getLogger(FeedRegistry.class);
    static final String BUNDLED = "feeds.yaml";

    private final AllowedHosts allowedHosts;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** A feed added or changed ({@code feed} set), or removed ({@code removed} true). */
    public record Change(Feed feed, boolean removed) {
    }

    @Inject
    public FeedRegistry(IngestConfig config) {
        this(AllowedHosts.of(config.allowedHosts().orElse(List.of())));
        List<FeedsFile.Entry> entries = config.feedsFile().map(FeedRegistry::readFile).orElseGet(FeedRegistry::bundled);
        for (FeedsFile.Entry entry : entries) {
            putInitial(Feed.of(entry.url().strip(), entry.name(), "file").withPaused(entry.paused()));
        }
        for (String url : config.feedUrls()) {
            putInitial(Feed.of(url, null, "env"));
        }
    }

    public FeedRegistry(AllowedHosts allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public synchronized List<Feed> feeds() {
        return new ArrayList<>(feeds.values());
    }

    public synchronized Optional<Feed> find(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    /** A feed from configuration: taken as configured (checked when fetched), a repeat ignored. */
    public synchronized void putInitial(Feed feed) {
        feeds.putIfAbsent(feed.id(), feed);
    }

    /**
     * Adds a feed after checking its URL as the fetcher will (scheme, host, SSRF guard).
     *
     * @throws RefusedUrlException with the reason in plain words
     * @throws AlreadyRegisteredException when a feed with this URL exists
     */
    public Feed add(String url, String name, String origin) throws RefusedUrlException, AlreadyRegisteredException {
        Feed feed = Feed.of(check(url), name, origin);
        synchronized (this) {
            Feed existing = feeds.get(feed.id());
            if (existing != null) {
                throw new AlreadyRegisteredException(existing);
            }
            feeds.put(feed.id(), feed);
        }
        announce(new Change(feed, false));
        LOG.infof("Feed %s (%s) added through %s", feed.id(), feed.url(), origin);
        return feed;
    }

    /**
     * Checks a URL as {@link #add} does, without adding it: the URL policy (scheme, host, SSRF guard), and that no
     * feed has it yet.
     *
     * @return the URL as it would be registered
     * @throws RefusedUrlException with the reason in plain words
     * @throws AlreadyRegisteredException when a feed with this URL exists
     */
    public String check(String url) throws RefusedUrlException, AlreadyRegisteredException {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("the feed has no url");
        }
        String checked = FeedUrlPolicy.checkNewFeedUrl(url, allowedHosts).toString();
        Optional<Feed> existing = find(Feed.idOf(checked));
        if (existing.isPresent()) {
            throw new AlreadyRegisteredException(existing.get());
        }
        return checked;
    }

    /** Changes the pause flag and/or the name; absent values are kept. */
    public Optional<Feed> update(String id, Boolean paused, String name) {
        Feed updated;
        synchronized (this) {
            Feed feed = feeds.get(id);
            if (feed == null) {
                return Optional.empty();
            }
            updated = feed;
            if (paused != null) {
                updated = updated.withPaused(paused);
            }
            if (name != null) {
                updated = updated.withName(name);
            }
            feeds.put(id, updated);
        }
        announce(new Change(updated, false));
        return Optional.of(updated);
    }

    public Optional<Feed> remove(String id) {
        Feed removed;
        synchronized (this) {
            removed = feeds.remove(id);
        }
        if (removed != null) {
            announce(new Change(removed, true));
            LOG.infof("Feed %s (%s) removed", removed.id(), removed.url());
        }
        return Optional.ofNullable(removed);
    }

    /** Applies a change made elsewhere (another replica, or the state topic at start) without announcing it. */
    public synchronized void apply(Change change) {
        if (change.removed()) {
            feeds.remove(change.feed().id());
        } else {
            feeds.put(change.feed().id(), change.feed());
        }
    }

    private void announce(Change change) {
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }

    private static List<FeedsFile.Entry> readFile(String path) {
        Path file = Path.of(path);
        try (InputStream in = Files.newInputStream(file)) {
            return FeedsFile.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("the feed file " + file.toAbsolutePath()
                    + " (newsroom.ingest.feeds-file) cannot be read: " + e, e);
        }
    }

    private static List<FeedsFile.Entry> bundled() {
        try (InputStream in = FeedRegistry.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            return in == null ? List.of() : FeedsFile.read(in, "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feed with the same URL is already registered. */
    public static final class AlreadyRegisteredException extends Exception {
        private final Feed existing;

        AlreadyRegisteredException(Feed existing) {
            this("a feed with this URL is already registered, with id " + existing.id(), existing);
        }

        AlreadyRegisteredException(String message, Feed existing) {
            super(message);
            this.existing = existing;
        }

        public Feed existing() {
            return existing;
        }
    }
}
