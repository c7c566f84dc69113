package org.newsroommonitor.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link IngestConfig} for plain unit tests: the documented defaults, each changeable. */
public class TestIngestConfig implements IngestConfig {

    public List<String> feeds = List.of();
    public Optional<String> feedsFile = Optional.empty();
    public Duration pollInterval = Duration.ofMinutes(5);
    public Duration connectTimeout = Duration.ofSeconds(1);
    public Duration readTimeout = Duration.ofSeconds(1);
    public long maxBodySize = 1024 * 1024;
    public List<String> allowedHosts = List.of();
    public int maxRedirects = 5;
    public int maxPerHost = 2;
    public int fetchThreads = 4;
    public int maxFeedsPerImport = 500;
    public Duration maxPollInterval = Duration.ofHours(6);
    public Duration maxBackoff = Duration.ofHours(6);
    public double backoffJitter = 0.2;
    public int pauseAfterFailures = 10;

    @Override
    public Optional<List<String>> feeds() {
        return Optional.of(feeds);
    }

    @Override
    public Optional<String> feedsFile() {
        return feedsFile;
    }

    @Override
    public Duration scheduleTick() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public Duration initialDelay() {
        return Duration.ZERO;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public MemorySize maxBodySize() {
        return new MemorySize(BigInteger.valueOf(maxBodySize));
    }

    @Override
    public String userAgent() {
        return "NewsroomMonitor-test";
    }

    @Override
    public Optional<List<String>> allowedHosts() {
        return Optional.of(allowedHosts);
    }

    @Override
    public int maxRedirects() {
        return maxRedirects;
    }

    @Override
    public int maxConcurrentFetchesPerHost() {
        return maxPerHost;
    }

    @Override
    public int fetchThreads() {
        return fetchThreads;
    }

    @Override
    public int maxFeedsPerImport() {
        return maxFeedsPerImport;
    }

    @Override
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    @Override
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public double backoffJitter() {
        return backoffJitter;
    }

    @Override
    public int pauseAfterFailures() {
        return pauseAfterFailures;
    }

    @Override
    public List<String> detectLanguages() {
        return List.of("en", "ru", "hy", "az");
    }

    @Override
    public State state() {
        return new State() {
            @Override
            public String topic() {
                return DEFAULT_TOPIC;
            }

            @Override
            public String ownerGroup() {
                return "ingest-service-feed-owners";
            }

            @Override
            public Duration startTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public ConsumerGroupConfig owner() {
                return ConsumerGroupConfig.of(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.empty());
            }
        };
    }

    @Override
    public Duration publishTimeout() {
        return Duration.ofSeconds(1);
    }
}
