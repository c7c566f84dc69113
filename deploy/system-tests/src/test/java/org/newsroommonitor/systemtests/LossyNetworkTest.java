package org.newsroommonitor.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.NetworkDetour;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow and lossy network between the services and Kafka, and between search-service and Elasticsearch, on the
 * real local stack: every service connection goes through a {@link LossyProxy} (Kafka's second listener
 * advertises the proxy's port, see {@link NetworkDetour}), which, once a third of the N articles is published,
 * adds {@value #LATENCY_MS} ms to every chunk each way and resets each connection with a chance of
 * {@value #RESET_CHANCE} per second, for {@value #DEGRADED_SECONDS} s. Once the network heals the index must hold
 * exactly the N articles (none missing, none twice, each with its topics), the search API count N, and every
 * alert due be emitted. The test itself reads Kafka and Elasticsearch directly. Runs only with {@code -Pfaults}.
 */
class LossyNetworkTest {

    private static final long LATENCY_MS = 50;
    private static final double RESET_CHANCE = 0.2;
    private static final long DEGRADED_SECONDS = 60;

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private static TemporaryStack temporaryStack;
    private static LocalStack stack;
    private static LossyProxy kafkaProxy;
    private static LossyProxy elasticsearchProxy;

    @BeforeAll
    static void startStackBehindProxies() throws IOException {
        temporaryStack = new TemporaryStack("faults", Duration.ofSeconds(5));
        NetworkDetour detour = NetworkDetour.onFreePorts();
        kafkaProxy = new LossyProxy("kafka", detour.kafkaProxyPort(), detour.kafkaListenerPort());
        elasticsearchProxy = new LossyProxy("elasticsearch", detour.elasticsearchProxyPort(),
                temporaryStack.settings().elasticsearchPort());
        stack = temporaryStack.start(detour);
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (temporaryStack != null) {
            temporaryStack.close();
        }
        for (LossyProxy proxy : new LossyProxy[] {kafkaProxy, elasticsearchProxy}) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void slowAndLossyNetworkToKafkaAndElasticsearch() throws Exception {
        assertThat(kafkaProxy.connections()).as("service connections to Kafka through the proxy").isPositive();
        assertThat(elasticsearchProxy.connections()).as("search-service connections to Elasticsearch through the proxy")
                .isPositive();
        PipelineRun run = new PipelineRun(stack, "lossy-network");
        run.startAndAwaitAThird(List.of("classify-service"), PipelineRun.PUBLISHED);
        long classifiedAtStart = run.endOffsets("news.classified");
        kafkaProxy.degrade(Duration.ofMillis(LATENCY_MS), RESET_CHANCE);
        elasticsearchProxy.degrade(Duration.ofMillis(LATENCY_MS), RESET_CHANCE);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean healed = new AtomicBoolean();
        try {
            // the bad spell is the fault itself, not a wait for a condition: a timer ends it
            timer.schedule(() -> {
                kafkaProxy.heal();
                elasticsearchProxy.heal();
                healed.set(true);
            }, DEGRADED_SECONDS, TimeUnit.SECONDS);
            await("the network healed").atMost(Duration.ofSeconds(DEGRADED_SECONDS + 30)).until(healed::get);
        } finally {
            timer.shutdown();
        }
        long classifiedWhileDegraded = run.endOffsets("news.classified") - classifiedAtStart;
        long healedAt = System.nanoTime();

        Throwable failed = org.assertj.core.api.Assertions.catchThrowable(run::awaitAndCheckExactlyOnce);
        System.out.println(run.figure(String.format(Locale.ROOT, "degraded=%ds latency=%dms reset-chance=%.2f/s"
                        + " resets=kafka:%d,elasticsearch:%d classified-while-degraded=%d done-after-heal=%ds restarts=%d",
                DEGRADED_SECONDS, LATENCY_MS, RESET_CHANCE, kafkaProxy.resets(), elasticsearchProxy.resets(),
                classifiedWhileDegraded, Duration.ofNanos(System.nanoTime() - healedAt).toSeconds(),
                LocalStack.SERVICES.stream().mapToInt(stack::restarts).sum())));
        if (failed != null) {
            throw new AssertionError("the data after the network healed", failed);
        }
        assertThat(kafkaProxy.resets()).as("connections to Kafka reset").isPositive();
        assertThat(elasticsearchProxy.resets()).as("connections to Elasticsearch reset").isPositive();
    }
}
