package org.newsroommonitor.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.article.ArticleMessage;
import org.newsroommonitor.ingest.article.ArticleRevisions;
import org.newsroommonitor.ingest.article.EntryMapper;
import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.metrics.IngestMetrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls every configured feed once per {@code newsroom.ingest.poll-interval}, the first time after
 * {@code newsroom.ingest.initial-delay}: fetch, parse, map each entry, publish the new and changed articles and
 * remember them once Kafka confirmed them. A poll still running when the next one is due makes that one skip.
 * Nothing in a poll throws out of it: a feed that fails is reported in its {@link FeedStatus} and the next feed
 * is polled.
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
    private final FeedStatuses statuses;
    private final IngestMetrics metrics;
    private final Scheduler scheduler;
    private final ReentrantLock polling = new ReentrantLock();

    public FeedPoller(IngestConfig config, FeedFetcher fetcher, FeedParser parser, EntryMapper mapper,
            SeenArticles seen, ArticlePublisher publisher, FeedStatuses statuses, IngestMetrics metrics,
            Scheduler scheduler) {
        this.config = config;
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = mapper;
        this.seen = seen;
        this.publisher = publisher;
        this.statuses = statuses;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    void announce(@Observes StartupEvent started) {
        List<String> feeds = config.feedUrls();
        if (feeds.isEmpty()) {
            LOG.warn("No feeds are configured, so nothing will be ingested: set NEWSROOM_INGEST_FEEDS "
                    + "(newsroom.ingest.feeds) to a comma-separated list of RSS/Atom feed URLs");
        } else {
            LOG.infof("Polling %d feed(s) every %s, first poll in %s: %s", feeds.size(), human(config.pollInterval()),
                    human(config.initialDelay()), String.join(", ", feeds));
        }
    }

    @Scheduled(identity = JOB, every = "${newsroom.ingest.poll-interval}",
            delayed = "${newsroom.ingest.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (!polling.tryLock()) {
            LOG.info("The previous poll is still running; skipping this one");
            return;
        }
        try {
            pollFeeds();
        } finally {
            polling.unlock();
        }
    }

    /** Polls every feed now, after waiting for a poll that is running; returns when all are done. */
    public void pollAll() {
        polling.lock();
        try {
            pollFeeds();
        } finally {
            polling.unlock();
        }
    }

    /** Every configured feed with its status, in configuration order. */
    public List<FeedStatus> statuses() {
        Instant next = nextScheduledPoll();
        List<FeedStatus> all = new ArrayList<>();
        for (String url : config.feedUrls()) {
            FeedStatus status = statuses.get(url).orElseGet(() -> FeedStatus.notPolledYet(url, null));
            all.add(next == null ? status : status.withNextPoll(next));
        }
        return all;
    }

    private void pollFeeds() {
        for (String url : config.feedUrls()) {
            try {
                statuses.put(pollFeed(url));
            } catch (RuntimeException e) {
                // a bug, not a feed problem: keep it visible, and keep polling the other feeds
                LOG.errorf(e, "Polling %s failed unexpectedly", url);
                statuses.put(failed(url, Instant.now(), null, "internal error: " + e));
            }
        }
    }

    private FeedStatus pollFeed(String url) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long startNanos = System.nanoTime();
        FetchResult result = fetcher.fetch(url, Validators.NONE);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (result instanceof FetchResult.Failed failure) {
            metrics.fetched(failure.outcome(), took);
            LOG.warnf("Feed %s: %s", url, failure.error());
            return failed(url, started, failure.status(), failure.error());
        }
        if (result instanceof FetchResult.NotModified) {
            metrics.fetched(FetchOutcome.OK, took);
            FeedStatus previous = statuses.get(url).orElse(null);
            return new FeedStatus(url, started, started, 304, previous == null ? 0 : previous.itemsSeen(), 0, 0, null,
                    nextPoll(started));
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        SyndFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType().orElse(null));
        } catch (FeedParseException e) {
            metrics.fetched(FetchOutcome.PARSE_ERROR, took);
            LOG.warnf("Feed %s: %s", url, e.getMessage());
            return failed(url, started, fetched.status(), e.getMessage());
        }
        metrics.fetched(FetchOutcome.OK, took);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ArticleMessage> toPublish = new ArrayList<>();
        int unusable = 0;
        for (SyndEntry entry : feed.getEntries()) {
            try {
                Optional<ArticleMessage> article = mapper.map(entry, feed, url, now, now);
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
        PublishOutcome outcome = publish(toPublish);

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
                    feed.getEntries().size(), outcome.created(), outcome.updated(),
                    problems.isEmpty() ? "" : "; " + String.join("; ", problems));
        }
        return new FeedStatus(url, started, started, fetched.status(), feed.getEntries().size(), outcome.created(),
                outcome.updated(), problems.isEmpty() ? null : String.join("; ", problems), nextPoll(started));
    }

    /** Publishes in batches and remembers each article only once Kafka acknowledged it. */
    private PublishOutcome publish(List<ArticleMessage> articles) {
        int created = 0;
        int updated = 0;
        int failed = 0;
        String firstError = null;
        for (int from = 0; from < articles.size(); from += PUBLISH_BATCH) {
            List<ArticleMessage> batch = articles.subList(from, Math.min(articles.size(), from + PUBLISH_BATCH));
            List<CompletableFuture<Void>> acks = batch.stream().map(publisher::publish).toList();
            long deadline = System.nanoTime() + config.publishTimeout().toNanos();
            for (int i = 0; i < batch.size(); i++) {
                ArticleMessage article = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    seen.remember(SeenArticle.of(article));
                    metrics.published();
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
                    LOG.warnf("Article %s (%s) was not published: %s", article.id(), article.url(), error);
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

    private FeedStatus failed(String url, Instant started, Integer httpStatus, String error) {
        FeedStatus previous = statuses.get(url).orElse(null);
        return new FeedStatus(url, started, previous == null ? null : previous.lastSuccess(), httpStatus,
                previous == null ? 0 : previous.itemsSeen(), 0, 0, error, nextPoll(started));
    }

    private Instant nextPoll(Instant started) {
        Instant next = nextScheduledPoll();
        return next != null ? next : started.plus(config.pollInterval());
    }

    private Instant nextScheduledPoll() {
        Trigger trigger = scheduler.getScheduledJob(JOB);
        return trigger == null ? null : trigger.getNextFireTime();
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private record PublishOutcome(int created, int updated, int failed, String firstError) {
    }
}
