package org.newsroommonitor.ingest.statetopic;

import io.smallrye.faulttolerance.api.Guard;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Reads a compacted topic into views: the whole topic from the beginning at start, then each record as it arrives,
 * handed to the {@link KeySpace} whose prefix its key starts with. It has caught up ({@link #caughtUp()}) once it
 * has read as far as the topic reached when it started. From then on the records its own {@link StateTopicWriter}
 * wrote are skipped: the views took them in when they were written. One consumer on its own thread, assigned every
 * partition (no consumer group). A topic that does not exist yet is waited for: its partitions are asked for again
 * every {@value #TOPIC_RETRY_SECONDS} s (SmallRye Fault Tolerance retry) until it does.
 */
final class CompactedTopicReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicReader.class);
    private static final long TOPIC_RETRY_SECONDS = 2;

    private final String topic;
    private final StateTopicWriter writer;
    private final List<KeySpace> keySpaces;
    private final KafkaConsumer<String, String> consumer;
    private final Guard untilTheTopicExists;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    CompactedTopicReader(String bootstrap, KafkaClientSecurity security, String topic, StateTopicWriter writer,
            List<KeySpace> keySpaces) {
        this.topic = topic;
        this.writer = writer;
        this.keySpaces = List.copyOf(keySpaces);
        this.consumer = new KafkaConsumer<>(security.applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state-reader-" + writer.shortId())),
                new StringDeserializer(), new StringDeserializer());
        this.untilTheTopicExists = Guard.create()
                .withDescription("feed state topic " + topic)
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.SECONDS) // no limit: the replica is not ready without its state
                .delay(TOPIC_RETRY_SECONDS, ChronoUnit.SECONDS)
                .retryOn(TopicMissingException.class)
                .beforeRetry(missing -> LOG.warnf("The feed state topic %s does not exist (yet); waiting for it",
                        topic))
                .done()
                .build();
        this.thread = Thread.ofPlatform().daemon().name("feed-state-reader").unstarted(this::read);
    }

    void start() {
        thread.start();
    }

    boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits at most {@code timeout} for {@link #caughtUp()}; whether it has. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void read() {
        try {
            List<TopicPartition> partitions = IntStream.range(0, partitionCount())
                    .mapToObj(partition -> new TopicPartition(topic, partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                    records++;
                }
                if (!caughtUp() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    LOG.infof("Feed state read from %s: %d records", topic, records);
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Exception e) {
            if (running) {
                LOG.errorf(e, "Reading feed state from %s failed", topic);
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private int partitionCount() throws Exception {
        return untilTheTopicExists.call(() -> {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                throw new TopicMissingException();
            }
            return partitions.size();
        }, Integer.class);
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || (caughtUp() && writer.wrote(record))) {
            return; // no key to apply, or this replica's own write, already applied
        }
        for (KeySpace keySpace : keySpaces) {
            if (key.startsWith(keySpace.prefix())) {
                try {
                    keySpace.apply(key.substring(keySpace.prefix().length()), record.value());
                } catch (Exception e) {
                    LOG.warnf("Skipping unreadable feed state record %s at %s-%d@%d: %s", key, record.topic(),
                            record.partition(), record.offset(), e.toString());
                }
                return;
            }
        }
    }

    /** Stops reading and closes the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The topic has no partitions (yet). */
    private static final class TopicMissingException extends Exception {
        TopicMissingException() {
            super(null, null, false, false);
        }
    }
}
