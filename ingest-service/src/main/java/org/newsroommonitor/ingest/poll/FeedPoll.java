package org.newsroommonitor.ingest.poll;

import com.rometools.rome.feed.synd.SyndFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroommonitor.ingest.article.ArticleId;
import org.newsroommonitor.ingest.article.EntryMapper;
import org.newsroommonitor.ingest.article.PublishDecision;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.fetch.FetchOutcome;
import org.newsroommonitor.ingest.fetch.FetchResult;
import org.newsroommonitor.ingest.metrics.IngestMetrics;
import org.newsroommonitor.ingest.parse.FeedParseException;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.ingest.parse.ParsedFeed;
import org.newsroommonitor.ingest.poll.ArticleBatchPublisher.Publication;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.state.FeedState;
import org.newsroommonitor.ingest.state.PollReport;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.messages.Article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One poll of one feed, as a sequence of steps: fetch ({@link FeedFetcher}, conditionally with the stored
 * validators), parse ({@link FeedParser}), map the entries to articles ({@link EntryMapper}), decide which are new or
 * changed ({@link PublishDecision}), publish them ({@link ArticleBatchPublisher}) and remember ({@link PollMemory})
 * the articles Kafka confirmed and the feed's new {@link FeedState}, with the repairs the body needed to be read
 * ({@code lastRepair}). Deciding, publishing and remembering hold the poll's article ids ({@link InFlightArticles}),
 * so two feeds with the same item polled at once both end up as its sources. A 304, or a body equal to the last one
 * read,
 * ends the poll after the fetch; a failure moves the feed to its backoff ({@link PollSchedule}). Logs written while
 * polling name the feed (MDC {@code feedId}, {@code feed}). Nothing in a poll throws out of it.
 */
@ApplicationScoped
public class FeedPoll {

    private static final Logger LOG = Logger.getLogger(FeedPoll.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryMapper mapper;
    private final PublishDecision decision;
    private final ArticleBatchPublisher publisher;
    private final PollMemory memory;
    private final PollSchedule schedule;
    private final IngestMetrics metrics;
    private final InFlightArticles inFlight;

    public FeedPoll(FeedFetcher fetcher, FeedParser parser, EntryMapper mapper, PublishDecision decision,
            ArticleBatchPublisher publisher, PollMemory memory, PollSchedule schedule, IngestMetrics metrics,
            InFlightArticles inFlight) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = mapper;
        this.decision = decision;
        this.publisher = publisher;
        this.memory = memory;
        this.schedule = schedule;
        this.metrics = metrics;
        this.inFlight = inFlight;
    }

    /** Polls {@code feed} once and remembers how it went. */
    public void poll(Feed feed) {
        MDC.put("feed", feed.url());
        MDC.put("feedId", feed.id());
        try {
            FeedState before = memory.stateOf(feed);
            FeedState after;
            try {
                after = pollOnce(feed, before);
            } catch (RuntimeException e) {
                // a bug, not a feed problem: keep it visible, and keep polling the other feeds
                LOG.errorf(e, "Feed %s: polling failed unexpectedly", feed.url());
                after = before.failed(Instant.now(),
                        new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, null, "internal error: " + e), schedule);
            }
            memory.rememberState(feed, after);
        } finally {
            MDC.remove("feed");
            MDC.remove("feedId");
        }
    }

    private FeedState pollOnce(Feed feed, FeedState before) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long startNanos = System.nanoTime();
        FetchResult result = fetcher.fetch(feed.url(), before.validators());
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        return switch (result) {
            case FetchResult.Failed failure -> {
                metrics.fetched(feed, failure.outcome(), took, 0);
                yield failed(feed, before, started, failure);
            }
            case FetchResult.NotModified notModified -> {
                metrics.fetched(feed, FetchOutcome.NOT_MODIFIED, took, 0);
                LOG.debugf("Feed %s: not modified", feed.url());
                yield before.unchanged(started, 304, notModified.headers(), schedule);
            }
            case FetchResult.Fetched fetched -> read(feed, before, started, took, fetched);
        };
    }

    /** Parses a fetched body, then maps, decides, publishes and remembers its articles. */
    private FeedState read(Feed feed, FeedState before, Instant started, Duration took, FetchResult.Fetched fetched) {
        String bodyHash = ArticleId.Sha256.hex(fetched.body());
        if (before.alreadyRead(bodyHash)) {
            metrics.fetched(feed, FetchOutcome.OK, took, fetched.body().length);
            LOG.debugf("Feed %s: same content as last time (new validators only)", feed.url());
            return before.unchanged(started, fetched.status(), fetched.headers(), schedule);
        }
        ParsedFeed read;
        try {
            read = parser.read(fetched.body(), fetched.contentType().orElse(null), fetched.uri());
        } catch (FeedParseException e) {
            metrics.fetched(feed, FetchOutcome.PARSE_ERROR, took, fetched.body().length);
            String error = fetched.undeclaredCompression() == null ? e.getMessage()
                    : "the body was " + fetched.undeclaredCompression() + "-compressed data sent without a "
                    + "Content-Encoding; decoded: " + e.getMessage();
            return failed(feed, before, started,
                    new FetchResult.Failed(FetchOutcome.PARSE_ERROR, fetched.status(), error));
        }
        metrics.fetched(feed, FetchOutcome.OK, took, fetched.body().length);

        SyndFeed parsed = read.feed();
        EntryMapper.Mapped mapped = mapper.mapAll(parsed, feed.url(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Article> toPublish;
        Publication publication;
        Set<String> ids = mapped.articles().stream().map(Article::id).collect(Collectors.toSet());
        try (InFlightArticles.Claim claim = inFlight.claim(ids)) {
            toPublish = decision.toPublish(mapped.articles());
            publication = publisher.publish(feed, toPublish);
            memory.rememberPublished(publication.confirmed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return before.failed(started, new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, fetched.status(),
                    "the poll was interrupted (the service is stopping)"), schedule);
        }

        PollReport report = report(feed, parsed.getEntries().size(), mapped, toPublish, publication,
                repairs(fetched, read));
        return before.fetched(started, fetched, bodyHash, FeedParser.ttlOf(parsed), report, schedule);
    }

    /** The repairs a body needed to be read, in plain words, the fetcher's decoding included; else {@code null}. */
    private static String repairs(FetchResult.Fetched fetched, ParsedFeed parsed) {
        List<String> repairs = new ArrayList<>();
        if (fetched.undeclaredCompression() != null) {
            repairs.add("the body was " + fetched.undeclaredCompression() + "-compressed data sent without a "
                    + "Content-Encoding; it was decoded");
        }
        if (parsed.repairNotes() != null) {
            repairs.add(parsed.repairNotes());
        }
        return repairs.isEmpty() ? null : String.join("; ", repairs);
    }

    private FeedState failed(Feed feed, FeedState before, Instant started, FetchResult.Failed failure) {
        FeedState failed = before.failed(started, failure, schedule);
        LOG.warnf("Feed %s: %s (failure %d in a row%s)", feed.url(), failure.error(), failed.consecutiveFailures(),
                failed.pausedAutomatically() ? "; paused" : ", next poll " + failed.nextPoll());
        return failed;
    }

    private PollReport report(Feed feed, int entries, EntryMapper.Mapped mapped, List<Article> toPublish,
            Publication publication, String repairs) {
        List<String> problems = new ArrayList<>();
        int unusable = mapped.unusable();
        if (unusable > 0) {
            problems.add(unusable + " entr" + (unusable == 1 ? "y" : "ies") + " could not be read or "
                    + (unusable == 1 ? "has" : "have") + " nothing to identify "
                    + (unusable == 1 ? "it" : "them") + " by (no link, guid, title or text) and "
                    + (unusable == 1 ? "was" : "were") + " skipped");
        }
        if (mapped.merged() > 0) {
            // not a problem of the poll (the feed lists an item twice): counted, shown as mergedItems, logged
            metrics.merged(feed, mapped.merged());
            LOG.infof("Feed %s: %d entries repeat an earlier entry of the feed and were merged into it", feed.url(),
                    mapped.merged());
        }
        if (publication.failed() > 0) {
            problems.add(publication.failed() + " of " + toPublish.size() + " articles could not be published to "
                    + "Kafka (" + publication.firstError() + "); they are retried at the next poll");
        }
        if (!toPublish.isEmpty() || !problems.isEmpty()) {
            LOG.infof("Feed %s: %d entries, %d new and %d updated articles published%s", feed.url(), entries,
                    publication.created(), publication.updated(),
                    problems.isEmpty() ? "" : "; " + String.join("; ", problems));
        }
        if (repairs != null) {
            LOG.infof("Feed %s: read after repairs: %s", feed.url(), repairs);
        }
        return new PollReport(entries, publication.created(), publication.updated(),
                problems.isEmpty() ? null : String.join("; ", problems), publication.failed() > 0, mapped.merged(),
                repairs);
    }
}
