package org.newsroommonitor.search.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.OutgoingKafkaRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends classified-article messages search-service cannot index (unreadable, or rejected by Elasticsearch for
 * good) to {@code news.classified.dlq}: same key and value bytes, the reason and origin in headers
 * ({@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset},
 * the header names SmallRye's own dead-letter queue uses). Waits for the broker's acknowledgement, so a message is
 * only committed on its topic once it is safe in the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** Outgoing channel; its topic is {@code mp.messaging.outgoing.classified-dlq.topic}. */
    public static final String CHANNEL = "classified-dlq";

    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        OutgoingKafkaRecord<String, byte[]> message = KafkaRecord.of(record.key(), value)
                .withHeader(HEADER_REASON, reason)
                .withHeader(HEADER_TOPIC, record.topic())
                .withHeader(HEADER_PARTITION, Integer.toString(record.partition()))
                .withHeader(HEADER_OFFSET, Long.toString(record.offset()));
        emitter.sendMessageAndAwait(message);
    }
}
