package org.newsroommonitor.ingest.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroommonitor.ingest.article.ArticleId;
import org.newsroommonitor.ingest.article.ArticleRevisions;
import org.newsroommonitor.ingest.article.EntryMapper;
import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchOutcome;
import org.newsroommonitor.ingest.fetch.FetchResult;
import org.newsroommonitor.ingest.fetch.HttpCaching;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.metrics.IngestMetrics;
import org.newsroommonitor.ingest.parse.FeedParseException;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedOwnership;
import org.newsroommonitor.ingest.state.FeedState;
import org.newsroommonitor.ingest.state.FeedStateStore;
import org.newsroommonitor.messages.Article;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls each feed when it is due: every {@code newsroom.ingest.schedule-tick} the feeds of the registry that this
 * replica owns, that are not paused and whose {@link FeedState#nextPoll()} has come are handed to a pool of
 * {@code newsroom.ingest.fetch-threads}. One poll: conditional fetch with the stored validators, parse (skipped when
 * the body is byte for byte the last one), map each entry, publish the new and changed articles and remember them
 * once Kafka confirmed them, then store the feed's new state with its next poll time ({@link PollSchedule}):
 * TTL, max-age and Retry-After honoured, failures backed off and, after {@code newsroom.ingest.pause-after-failures}
 * in a row, the feed paused until an operator resumes it. Nothing in a poll throws out of it.
 */
@ApplicationScoped
public class FeedPoller {

    static final String JOB = "newsroom-ingest-poll";
    /** Articles sent before waiting for their acknowledgements (the emitter buffers up to 128). */
    private static final int PUBLISH_BATCH = 64;
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final IngestConfig config;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryMapper mapper;
    private final SeenArticles seen;
    private final ArticlePublisher publisher;
    private final FeedRegistry registry;
    private final FeedStateStore states;
    private final FeedOwnership ownership;
    private final IngestMetrics metrics;
    private final PollSchedule schedule;
    private final ExecutorService pool;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    @Inject
    public FeedPoller(IngestConfig config, FeedFetcher fetcher, FeedParser parser, EntryMapper mapper,
            SeenArticles seen, ArticlePublisher publisher, FeedRegistry registry, FeedStateStore states,
            FeedOwnership ownership, IngestMetrics metrics) {
        this(config, fetcher, parser, mapper, seen, publisher, registry, states, ownership, metrics,
                PollSchedule.of(config));
    }

    public FeedPoller(IngestConfig config, FeedFetcher fetcher, FeedParser parser, EntryMapper mapper,
            SeenArticles seen, ArticlePublisher publisher, FeedRegistry registry, FeedStateStore states,
            FeedOwnership ownership, IngestMetrics metrics, PollSchedule schedule) {
        this.config = config;
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = mapper;
        this.seen = seen;
        this.publisher = publisher;
        this.registry = registry;
        this.states = states;
        this.ownership = ownership;
        this.metrics = metrics;
        this.schedule = schedule;
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
                    + "first poll in %s: %s", feeds.size(), human(config.pollInterval()),
                    human(config.initialDelay()), String.join(", ", feeds.stream().map(Feed::url).toList()));
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        pool.shutdownNow();
    }

    @Scheduled(identity = JOB, every = "${newsroom.ingest.schedule-tick}",
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
            FeedState state = stateOf(feed);
            if (state.nextPoll() == null || !state.nextPoll().isAfter(now)) {
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

    /** Every registered feed with its status, in registry order. */
    public List<FeedStatus> statuses() {
        return registry.feeds().stream().map(this::status).toList();
    }

    public FeedStatus status(Feed feed) {
        return FeedStatus.of(feed, stateOf(feed));
    }

    /** Clears an automatic pause and the failure count: the feed is polled at the next tick. */
    public void resume(Feed feed) {
        states.save(stateOf(feed).resumed());
    }

    private List<Feed> pollable() {
        return registry.feeds().stream()
                .filter(feed -> !feed.paused() && ownership.owns(feed.id()))
                .filter(feed -> stateOf(feed).pausedReason() == null)
                .toList();
    }

    private Optional<CompletableFuture<Void>> start(Feed feed) {
        if (!inFlight.add(feed.id())) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompletableFuture.runAsync(() -> {
                try {
                    poll(feed);
                } finally {
                    inFlight.remove(feed.id());
                }
            }, pool));
        } catch (RuntimeException rejected) {
            inFlight.remove(feed.id());
            return Optional.empty();
        }
    }

    private FeedState stateOf(Feed feed) {
        return states.get(feed.id()).orElseGet(() -> FeedState.initial(feed.id(), feed.url()));
    }

    private void poll(Feed feed) {
        MDC.put("feed", feed.url());
        MDC.put("feedId", feed.id());
        try {
            FeedState before = stateOf(feed);
            FeedState after;
            try {
                after = pollOnce(feed, before);
            } catch (RuntimeException e) {
                // a bug, not a feed problem: keep it visible, and keep polling the other feeds
                LOG.errorf(e, "Feed %s: polling failed unexpectedly", feed.url());
                after = failed(before, Instant.now(), FetchOutcome.NETWORK_ERROR, null, "internal error: " + e, null);
            }
            if (registry.find(feed.id()).isPresent()) { // not removed meanwhile
                states.save(after);
            }
        } finally {
            MDC.remove("feed");
            MDC.remove("feedId");
        }
    }

    private FeedState pollOnce(Feed feed, FeedState before) {
        String url = feed.url();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long startNanos = System.nanoTime();
        FetchResult result = fetcher.fetch(url, before.validators());
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

        if (result instanceof FetchResult.Failed failure) {
            metrics.fetched(feed, failure.outcome(), took, 0);
            FeedState failed = failed(before, started, failure.outcome(), failure.status(), failure.error(),
                    failure.retryAfter());
            LOG.warnf("Feed %s: %s (failure %d in a row%s)", url, failure.error(), failed.consecutiveFailures(),
                    failed.pausedReason() != null ? "; paused" : ", next poll " + failed.nextPoll());
            return failed;
        }
        if (result instanceof FetchResult.NotModified notModified) {
            metrics.fetched(feed, FetchOutcome.NOT_MODIFIED, took, 0);
            LOG.debugf("Feed %s: not modified", url);
            return unchanged(before, started, 304, notModified.headers());
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        String bodyHash = ArticleId.Sha256.hex(fetched.body());
        if (bodyHash.equals(before.bodyHash()) && before.lastError() == null) {
            metrics.fetched(feed, FetchOutcome.OK, took, fetched.body().length);
            LOG.debugf("Feed %s: same content as last time (new validators only)", url);
            return unchanged(before, started, fetched.status(), fetched.headers());
        }
        SyndFeed parsed;
        try {
            parsed = parser.parse(fetched.body(), fetched.contentType().orElse(null));
        } catch (FeedParseException e) {
            metrics.fetched(feed, FetchOutcome.PARSE_ERROR, took, fetched.body().length);
            LOG.warnf("Feed %s: %s", url, e.getMessage());
            return failed(before, started, FetchOutcome.PARSE_ERROR, fetched.status(), e.getMessage(), null);
        }
        metrics.fetched(feed, FetchOutcome.OK, took, fetched.body().length);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Article> toPublish = new ArrayList<>();
        int unusable = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            try {
                Optional<Article> article = mapper.map(entry, parsed, url, now, now);
                if (article.isEmpty()) {
                    unusable++;
                    continue;
                }
                ArticleRevisions.toPublish(seen.find(article.get().id()), article.get()).ifPresent(toPublish::add);
            } catch (RuntimeException e) {
                unusable++;
                LOG.warnf(e, "Feed %s: entry '%s' could not be read", url, entry.getTitle());
            }
        }
        PublishOutcome outcome = publish(feed, toPublish);

        List<String> problems = new ArrayList<>();
        if (unusable > 0) {
            problems.add(unusable + " entr" + (unusable == 1 ? "y has" : "ies have")
                    + " neither a usable link nor a guid and " + (unusable == 1 ? "was" : "were") + " skipped");
        }
        if (outcome.failed() > 0) {
            problems.add(outcome.failed() + " of " + toPublish.size() + " articles could not be published to Kafka ("
                    + outcome.firstError() + "); they are retried at the next poll");
        }
        if (!toPublish.isEmpty() || !problems.isEmpty()) {
            LOG.infof("Feed %s: %d entries, %d new and %d updated articles published%s", url,
                    parsed.getEntries().size(), outcome.created(), outcome.updated(),
                    problems.isEmpty() ? "" : "; " + String.join("; ", problems));
        }
        Duration ttl = ttlOf(parsed);
        Instant next = schedule.afterSuccess(started, ttl, HttpCaching.maxAge(fetched.headers()));
        return new FeedState(before.feedId(), url, header(fetched.headers(), "ETag", null),
                header(fetched.headers(), "Last-Modified", null),
                outcome.failed() > 0 ? null : bodyHash, // a body not fully published is processed again
                started, started, fetched.status(), parsed.getEntries().size(), outcome.created(), outcome.updated(),
                problems.isEmpty() ? null : String.join("; ", problems), outcome.failed() > 0 ? "publish" : null,
                0, next, null, ttl == null ? 0 : ttl.toSeconds());
    }

    private FeedState unchanged(FeedState before, Instant started, int status, HttpHeaders headers) {
        Duration ttl = before.ttlSeconds() > 0 ? Duration.ofSeconds(before.ttlSeconds()) : null;
        Instant next = schedule.afterSuccess(started, ttl, HttpCaching.maxAge(headers));
        return new FeedState(before.feedId(), before.url(), header(headers, "ETag", before.etag()),
                header(headers, "Last-Modified", before.lastModified()), before.bodyHash(), started, started, status,
                before.itemsSeen(), 0, 0, null, null, 0, next, null, before.ttlSeconds());
    }

    private FeedState failed(FeedState before, Instant started, FetchOutcome outcome, Integer status, String error,
            Duration retryAfter) {
        int failures = before.consecutiveFailures() + 1;
        int pauseAfter = config.pauseAfterFailures();
        String pausedReason = pauseAfter > 0 && failures >= pauseAfter
                ? "paused automatically after " + failures + " failed polls in a row (the last: " + error
                        + "); resume with PATCH /api/feeds/" + before.feedId() + " {\"paused\": false}"
                : null;
        Instant next = schedule.afterFailure(started, failures, retryAfter);
        return new FeedState(before.feedId(), before.url(), before.etag(), before.lastModified(), before.bodyHash(),
                started, before.lastSuccess(), status, before.itemsSeen(), 0, 0, error, outcome.tag(), failures, next,
                pausedReason, before.ttlSeconds());
    }

    /** Publishes in batches and remembers each article only once Kafka acknowledged it. */
    private PublishOutcome publish(Feed feed, List<Article> articles) {
        int created = 0;
        int updated = 0;
        int failed = 0;
        String firstError = null;
        for (int from = 0; from < articles.size(); from += PUBLISH_BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + PUBLISH_BATCH));
            List<CompletableFuture<Void>> acks = batch.stream().map(publisher::publish).toList();
            long deadline = System.nanoTime() + config.publishTimeout().toNanos();
            for (int i = 0; i < batch.size(); i++) {
                Article article = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    seen.remember(SeenArticle.of(article));
                    metrics.published(feed, article.revision() == 1);
                    if (article.revision() == 1) {
                        created++;
                    } else {
                        updated++;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    failed++;
                    metrics.publishFailed();
                    String error = e instanceof TimeoutException
                            ? "no acknowledgement within " + human(config.publishTimeout())
                            : String.valueOf(e.getCause());
                    firstError = firstError == null ? error : firstError;
                    LOG.warnf("Feed %s: article %s (%s) was not published: %s", feed.url(), article.id(),
                            article.url(), error);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed += batch.size() - i;
                    firstError = firstError == null ? "interrupted" : firstError;
                    return new PublishOutcome(created, updated, failed, firstError);
                }
            }
        }
        return new PublishOutcome(created, updated, failed, firstError);
    }

    /** The RSS {@code <ttl>} (minutes), if the feed is RSS and gave one. */
    private static Duration ttlOf(SyndFeed feed) {
        Object wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    private static String header(HttpHeaders headers, String name, String fallback) {
        return headers.firstValue(name).filter(value -> !value.isBlank()).orElse(fallback);
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private record PublishOutcome(int created, int updated, int failed, String firstError) {
    }
}
