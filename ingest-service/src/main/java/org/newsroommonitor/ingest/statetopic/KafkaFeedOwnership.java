package org.newsroommonitor.ingest.statetopic;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.state.FeedOwnership;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Splits the feeds between the replicas by the partitions of the state topic: every replica joins one consumer group
 * on it and polls exactly the feeds whose {@code feed:<id>} key falls into a partition it is assigned (Kafka's own
 * key hashing, so a feed's state lives in a partition its poller reads). When a replica leaves or dies, Kafka gives
 * its partitions, and so its feeds, to the others: at once when it stops, after the session timeout (10 s by
 * default) when it dies. A static member ({@link OwnerGroup#instanceId()}) restarted within that time gets its own
 * partitions back without a rebalance. More replicas than partitions leave some idle. The group's consumer runs on its own thread and reads no
 * records; a topic that does not exist yet is waited for by the consumer itself (it keeps asking for its metadata).
 */
final class KafkaFeedOwnership implements FeedOwnership, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaFeedOwnership.class);

    private final String topic;
    private final CompactedTopicReader state;
    private final Duration startTimeout;
    private final KafkaConsumer<String, String> consumer;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile int partitions;
    private volatile boolean running = true;

    /**
     * @param state        the reader of the state topic: the replica is ready once it has caught up
     * @param startTimeout how long {@link #awaitReady()} waits
     */
    KafkaFeedOwnership(String bootstrap, KafkaClientSecurity security, String topic, OwnerGroup group,
            String clientId, CompactedTopicReader state, Duration startTimeout) {
        this.topic = topic;
        this.state = state;
        this.startTimeout = startTimeout;
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1",
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "1024",
                ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        // group, session and heartbeat (a replica that dies loses its feeds after the session timeout, 10 s by
        // default instead of Kafka's 45 s), and the static member id when configured
        settings.putAll(group.consumerSettings());
        this.consumer = new KafkaConsumer<>(security.applyTo(settings), new StringDeserializer(),
                new StringDeserializer());
        this.thread = Thread.ofPlatform().daemon().name("feed-state-owner").unstarted(this::own);
    }

    void start() {
        thread.start();
    }

    @Override
    public boolean owns(String feedId) {
        int count = partitions;
        return count > 0 && owned.contains(partitionOf(KafkaFeedStateStore.PREFIX + feedId, count));
    }

    /** Ready once the state is read and this replica knows its partitions. */
    @Override
    public boolean ready() {
        return state.caughtUp() && assigned.getCount() == 0;
    }

    /** Waits, at most the start timeout, until {@link #ready()}; whether it is. */
    @Override
    public boolean awaitReady() {
        try {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            return state.awaitCaughtUp(startTimeout)
                    && assigned.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The partitions of the state topic this replica is assigned, in order. */
    SortedSet<Integer> ownedPartitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(owned));
    }

    /** The partition Kafka's default partitioner puts {@code key} in. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void own() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    revoked.forEach(partition -> owned.remove(partition.partition()));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> granted) {
                    partitions = consumer.partitionsFor(topic).size();
                    granted.forEach(partition -> owned.add(partition.partition()));
                    if (partitions > 0) { // else the topic does not exist yet, and nothing is assigned
                        LOG.infof("This replica now polls the feeds of %s partitions %s", topic,
                                owned.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                        assigned.countDown();
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> lost) {
                    onPartitionsRevoked(lost);
                }
            });
            while (running) {
                consumer.poll(Duration.ofMillis(500)); // keeps the membership alive; the records themselves are unused
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "Feed ownership on %s failed", topic);
            }
        } finally {
            owned.clear();
            // leaves the group, a static member too (which by default stays until its session times out): the other
            // replicas take over at once
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }
    }

    /** Leaves the group, so that the other replicas take this one's feeds at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
