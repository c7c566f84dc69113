package org.newsroommonitor.ingest.poll;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.config.Durations;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedOwnership;
import org.newsroommonitor.ingest.state.FeedStateStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides when feeds are polled: every {@code newsroom.ingest.schedule-tick} the feeds of the registry that this
 * replica owns ({@link FeedOwnership}), that are not paused and that are due ({@code FeedState#dueAt}) are handed to
 * a pool of {@code newsroom.ingest.fetch-threads}, each feed at most once at a time; {@link FeedPoll} polls each.
 */
@ApplicationScoped
public class FeedScheduler {

    private static final Logger LOG = Logger.getLogger(FeedScheduler.class);

    private final IngestConfig config;
    private final FeedRegistry registry;
    private final FeedStateStore states;
    private final FeedOwnership ownership;
    private final FeedPoll poll;
    private final ExecutorService pool;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public FeedScheduler(IngestConfig config, FeedRegistry registry, FeedStateStore states, FeedOwnership ownership,
            FeedPoll poll) {
        this.config = config;
        this.registry = registry;
        this.states = states;
        this.ownership = ownership;
        this.poll = poll;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.fetchThreads()), runnable -> {
            Thread thread = new Thread(runnable, "feed-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void announce(@Observes StartupEvent started) {
        List<Feed> feeds = registry.feeds();
        if (feeds.isEmpty()) {
            LOG.warn("No feeds are configured, so nothing will be ingested: set NEWSROOM_INGEST_FEEDS "
                    + "(newsroom.ingest.feeds) to a comma-separated list of RSS/Atom feed URLs, point "
                    + "newsroom.ingest.feeds-file at a feed file, or POST /api/feeds");
        } else {
            LOG.infof("%d feed(s) registered, each polled every %s (or as its TTL/Cache-Control/Retry-After ask), "
                    + "first poll in %s: %s", feeds.size(), Durations.human(config.pollInterval()),
                    Durations.human(config.initialDelay()), String.join(", ", feeds.stream().map(Feed::url).toList()));
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        pool.shutdownNow();
    }

    @Scheduled(identity = "newsroom-ingest-poll", every = "${newsroom.ingest.schedule-tick}",
            delayed = "${newsroom.ingest.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        pollDue(Instant.now());
    }

    /** Starts a poll of every feed due at {@code now} (not already being polled); does not wait for them. */
    public List<CompletableFuture<Void>> pollDue(Instant now) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        if (!ownership.ready()) {
            return started; // the feed state is still being read
        }
        for (Feed feed : pollable()) {
            if (states.stateOf(feed).dueAt(now)) {
                start(feed).ifPresent(started::add);
            }
        }
        return started;
    }

    /** Polls every pollable feed now, due or not, and returns when all are done (tests, "poll now"). */
    public void pollAll() {
        if (!ownership.awaitReady()) {
            LOG.warn("Polling all feeds before the feed state was read: only the feeds known to be ours are polled");
        }
        List<CompletableFuture<Void>> polls = new ArrayList<>();
        for (Feed feed : pollable()) {
            start(feed).ifPresent(polls::add);
        }
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
    }

    private List<Feed> pollable() {
        return registry.feeds().stream()
                .filter(feed -> !feed.paused() && ownership.owns(feed.id()))
                .filter(feed -> !states.stateOf(feed).pausedAutomatically())
                .toList();
    }

    private Optional<CompletableFuture<Void>> start(Feed feed) {
        if (!inFlight.add(feed.id())) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompletableFuture.runAsync(() -> {
                try {
                    poll.poll(feed);
                } finally {
                    inFlight.remove(feed.id());
                }
            }, pool));
        } catch (RuntimeException rejected) {
            inFlight.remove(feed.id());
            return Optional.empty();
        }
    }
}
