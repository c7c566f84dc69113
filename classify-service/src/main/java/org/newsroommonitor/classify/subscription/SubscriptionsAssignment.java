package org.newsroommonitor.classify.subscription;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the {@link SubscriptionsLoad} where the subscriptions consumer starts reading each partition of
 * {@code news.subscriptions} and where each ends, when the partitions are first assigned (on the consumer's polling
 * thread, before the first records are read).
 */
@ApplicationScoped
@Identifier(SubscriptionsAssignment.NAME)
public class SubscriptionsAssignment implements KafkaConsumerRebalanceListener {

    /** Name used in {@code mp.messaging.incoming.subscriptions.consumer-rebalance-listener.name}. */
    public static final String NAME = "subscriptions-load";

    private final SubscriptionsLoad load;

    public SubscriptionsAssignment(SubscriptionsLoad load) {
        this.load = load;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
        }
        load.assigned(positions, consumer.endOffsets(partitions));
    }
}
