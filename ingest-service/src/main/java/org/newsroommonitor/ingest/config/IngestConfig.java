package org.newsroommonitor.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Time between two polls of every feed ({@code 5m}, {@code 30s}, ...). */
    @WithDefault("5m")
    Duration pollInterval();

    /** Time from start-up to the first poll; {@code 0s} polls as soon as the service has started. */
    @WithDefault("0s")
    Duration initialDelay();

    /** Maximum time to open the TCP/TLS connection to a feed's server. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Maximum time for the whole response (headers and body) once the request is sent. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Largest feed body accepted, compressed or decoded; checked while the body is streamed in. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** User-Agent sent with every request, naming the project so feed publishers know who polls them. */
    @WithDefault("NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor)")
    String userAgent();

    /** Maximum time to wait for Kafka to acknowledge one published article. */
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
