package org.newsroommonitor.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import org.newsroommonitor.ingest.article.EntryMapper;
import org.newsroommonitor.ingest.article.PublishDecision;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.messaging.ArticlePublisher;
import org.newsroommonitor.ingest.metrics.IngestMetrics;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedOwnership;
import org.newsroommonitor.ingest.state.FeedStateStore;
import org.newsroommonitor.ingest.state.PollSchedule;
import org.newsroommonitor.ingest.status.FeedStatusService;

/**
 * The polling parts wired by hand, as CDI wires them in the service, for tests without Quarkus.
 *
 * @param scheduler starts the polls ({@code pollAll}, {@code pollDue})
 * @param statuses  the feeds' status, and resume
 */
public record Polling(FeedScheduler scheduler, FeedStatusService statuses) {

    public static Polling wire(IngestConfig config, FeedFetcher fetcher, ArticlePublisher publisher,
            FeedRegistry registry, FeedStateStore states, SeenArticles seen, FeedOwnership ownership,
            MeterRegistry meters, PollSchedule schedule) {
        IngestMetrics metrics = new IngestMetrics(meters);
        FeedPoll poll = new FeedPoll(fetcher, new FeedParser(), new EntryMapper(), new PublishDecision(seen),
                new ArticleBatchPublisher(publisher, metrics, config), new PollMemory(states, seen, registry),
                schedule, metrics, new InFlightArticles());
        return new Polling(new FeedScheduler(config, registry, states, ownership, poll),
                new FeedStatusService(registry, states));
    }
}
