package org.newsroommonitor.classify;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroommonitor.localstack.TestServers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads a Kafka topic from its end at creation: every partition assigned, nothing committed; keeps every record
 * read so that a test can assert on all of them.
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public KafkaTopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test sends anything
    }

    /** Waits for a record that satisfies the predicate, and returns it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            poll();
            return records.stream().anyMatch(wanted);
        });
        return records.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Reads up to the current end of every partition. */
    public void drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
    }

    /** Every record read so far that satisfies the predicate. */
    public List<ConsumerRecord<String, String>> all(Predicate<ConsumerRecord<String, String>> wanted) {
        return records.stream().filter(wanted).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
