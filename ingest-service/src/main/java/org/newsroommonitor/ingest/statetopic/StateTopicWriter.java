package org.newsroommonitor.ingest.statetopic;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * This replica's writes to the state topic: JSON values under their keys, through an idempotent, acks=all producer,
 * each record marked with this replica's writer id so that its own reader can tell them from the other replicas'.
 * A write that fails is logged; the value stays in this replica's memory and the key's next change writes it again.
 */
final class StateTopicWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StateTopicWriter.class);
    private static final String WRITER = "newsroom-writer";

    private final String topic;
    private final String writerId = UUID.randomUUID().toString();
    private final KafkaProducer<String, String> producer;

    StateTopicWriter(String bootstrap, KafkaClientSecurity security, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(security.applyTo(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-state-" + shortId())),
                new StringSerializer(), new StringSerializer());
    }

    /** A short form of the writer id, to tell this replica's Kafka clients apart. */
    String shortId() {
        return writerId.substring(0, 8);
    }

    /** Writes {@code value} as JSON under {@code key}; {@code null} deletes the key (a tombstone). */
    void write(String key, Object value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key,
                value == null ? null : StateJson.write(value));
        record.headers().add(WRITER, writerId.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.warnf("Feed state %s could not be written to %s: %s", key, topic, error.toString());
            }
        });
    }

    /** Whether {@code record} was written by this writer. */
    boolean wrote(ConsumerRecord<?, ?> record) {
        Header writer = record.headers().lastHeader(WRITER);
        return writer != null && writerId.equals(new String(writer.value(), StandardCharsets.UTF_8));
    }

    /** Waits until everything written so far is acknowledged (or failed). */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
