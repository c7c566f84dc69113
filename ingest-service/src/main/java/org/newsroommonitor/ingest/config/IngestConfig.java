package org.newsroommonitor.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of ingest-service, all under {@code newsroom.ingest}; each one can be overridden by the matching
 * environment variable ({@code newsroom.ingest.poll-interval} -> {@code NEWSROOM_INGEST_POLL_INTERVAL}).
 */
@ConfigMapping(prefix = "newsroom.ingest")
public interface IngestConfig {

    /** The RSS/Atom feed URLs to poll, comma-separated in {@code NEWSROOM_INGEST_FEEDS}. None by default. */
    Optional<List<String>> feeds();

    /**
     * The feed file (YAML, see {@code FeedsFile}); when unset the bundled {@code feeds.yaml} is read. Feeds of
     * {@link #feeds()} are added to those of the file.
     */
    Optional<String> feedsFile();

    /** How often the scheduler looks for feeds that are due. */
    @WithDefault("5s")
    Duration scheduleTick();

    /**
     * Time between two polls of a feed ({@code 5m}, {@code 30s}, ...) unless its TTL, Cache-Control max-age or
     * Retry-After ask for longer, or failures back it off.
     */
    @WithDefault("5m")
    Duration pollInterval();

    /** Time from start-up to the first poll; {@code 0s} polls as soon as the service has started. */
    @WithDefault("0s")
    Duration initialDelay();

    /** Maximum time to open the TCP/TLS connection to a feed's server. */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * Maximum time for one fetch of a feed, as one deadline from the first request to the end of the last body:
     * every redirect hop with its connection, request, headers and body counts against it (each connection attempt
     * is also limited by {@link #connectTimeout()}). When it passes the fetch is aborted, however far it got.
     */
    @WithDefault("30s")
    Duration readTimeout();

    /** Largest feed body accepted, compressed or decoded; checked while the body is streamed in. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** User-Agent sent with every request, naming the project so feed publishers know who polls them. */
    @WithDefault("NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor)")
    String userAgent();

    /**
     * {@code host:port} entries the SSRF guard lets through although they are internal addresses, comma-separated
     * in {@code NEWSROOM_INGEST_ALLOWED_HOSTS} (the local stack's sample-feed server: {@code 127.0.0.1:8090}).
     * Each opens exactly that host or address on exactly that port. None by default.
     */
    Optional<List<String>> allowedHosts();

    /** Redirects followed for one fetch before giving up. */
    @WithDefault("5")
    int maxRedirects();

    /** Fetches running at the same time against one host. */
    @WithDefault("2")
    int maxConcurrentFetchesPerHost();

    /** Feeds fetched at the same time in total. */
    @WithDefault("8")
    int fetchThreads();

    /** Longest wait between two polls of a feed, whatever its TTL, Cache-Control max-age or Retry-After say. */
    @WithDefault("6h")
    Duration maxPollInterval();

    /** Longest wait after failures (the backoff doubles from poll-interval up to this, with jitter). */
    @WithDefault("6h")
    Duration maxBackoff();

    /** Fraction of the backoff that is randomised ({@code 0.2}: a wait of 80 to 100 % of the backoff). */
    @WithDefault("0.2")
    double backoffJitter();

    /** Consecutive failures after which a feed is paused (until resumed through the API); 0 never pauses. */
    @WithDefault("10")
    int pauseAfterFailures();

    /**
     * ISO 639-1 codes of the languages the detector chooses from for articles whose feed declares no language;
     * each costs memory (Lingua low-accuracy models, loaded at the first detection).
     */
    @WithDefault("en,ru,hy,az,ka,tr,fa,ar,uk,fr,de,es")
    List<String> detectLanguages();

    /** Where feed state, published article ids and API registry changes are kept. */
    State state();

    /** Feed state in Kafka. */
    interface State {
        /** The state topic unless configured otherwise, as {@code deploy/k8s/base/kafka/topics.yaml} declares it. */
        String DEFAULT_TOPIC = "news.feed-state";

        /** The compacted topic holding feed state, published articles and registry changes. */
        @WithDefault(DEFAULT_TOPIC)
        String topic();

        /**
         * The consumer group the replicas join on the state topic: each replica polls the feeds whose state record
         * falls into the partitions it is assigned, so each feed is polled by exactly one live replica.
         */
        @WithDefault("ingest-service-feed-owners")
        String ownerGroup();

        /**
         * Membership in the owner group ({@code owner.session-timeout}, {@code owner.heartbeat-interval},
         * {@code owner.instance-id}): a replica that dies without leaving loses its feeds to the others after the
         * session timeout (10 s); one restarted with the same instance id (static membership, unique among the live
         * replicas: a StatefulSet pod name, or what the local stack sets) gets its partitions back at once.
         */
        ConsumerGroupConfig owner();

        /** How long the start waits for the state to be read and partitions to be assigned before polling. */
        @WithDefault("60s")
        Duration startTimeout();
    }

    /**
     * Most feeds one OPML import ({@code POST /api/feeds/opml}) may list, folders flattened; a list with more is
     * refused whole with 400, nothing added, as each feed listed is checked and fetched once.
     */
    @WithDefault("500")
    int maxFeedsPerImport();

    /** Maximum time to wait for Kafka to acknowledge a batch of published articles (up to 64). */
    @WithDefault("30s")
    Duration publishTimeout();

    /** The configured feed URLs, trimmed, without blanks and duplicates, in configuration order. */
    default List<String> feedUrls() {
        Set<String> urls = new LinkedHashSet<>();
        for (String feed : feeds().orElse(List.of())) {
            if (feed != null && !feed.isBlank()) {
                urls.add(feed.strip());
            }
        }
        return List.copyOf(urls);
    }
}
