package org.newsroommonitor.ingest.fetch;

import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.net.AllowedHosts;

import java.time.Duration;
import java.util.List;

/**
 * The hard limits of one fetch.
 *
 * @param connectTimeout    to open the TCP/TLS connection
 * @param readTimeout       for the whole exchange, redirects, headers and body included (a slow drip is cut)
 * @param maxBodySize       bytes, compressed and decoded, enforced while streaming
 * @param maxRedirects      redirects followed before giving up
 * @param maxPerHost        fetches running at the same time against one host
 * @param userAgent         sent with every request
 * @param allowedHosts      the exceptions to the SSRF guard
 */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, long maxBodySize, int maxRedirects,
        int maxPerHost, String userAgent, AllowedHosts allowedHosts) {

    public static FetchLimits of(IngestConfig config) {
        return new FetchLimits(config.connectTimeout(), config.readTimeout(), config.maxBodySize().asLongValue(),
                config.maxRedirects(), config.maxConcurrentFetchesPerHost(), config.userAgent(),
                AllowedHosts.of(config.allowedHosts().orElse(List.of())));
    }
}
