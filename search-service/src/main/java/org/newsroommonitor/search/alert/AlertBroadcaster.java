package org.newsroommonitor.search.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.Alert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Consumes {@code news.alerts} (a consumer group of its own per instance, so every instance sees every alert) and
 * hands each alert to the connected SSE clients; keeps the last {@link #RECENT} alerts for clients that connect
 * later. An unreadable alert is logged and skipped.
 */
@ApplicationScoped
public class AlertBroadcaster {

    /** Incoming channel; its topic is {@code mp.messaging.incoming.alerts.topic}. */
    public static final String CHANNEL = "alerts";
    public static final int RECENT = 100;
    public static final int CLIENT_BUFFER = 1000;
    public static final String COUNTER = "newsroom.search.alerts";

    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    private final ObjectMapper mapper;
    private final BroadcastProcessor<Alert> processor = BroadcastProcessor.create();
    private final Deque<Alert> recent = new ArrayDeque<>();
    private final Counter received;
    private final Counter unreadable;

    public AlertBroadcaster(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.received = Counter.builder(COUNTER).tag("result", "received")
                .description("Alerts read from news.alerts (received) or skipped (unreadable)").register(registry);
        this.unreadable = Counter.builder(COUNTER).tag("result", "unreadable")
                .description("Alerts read from news.alerts (received) or skipped (unreadable)").register(registry);
    }

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        Alert alert;
        try {
            alert = record.value() == null ? null : mapper.readValue(record.value(), Alert.class);
        } catch (Exception e) {
            alert = null;
        }
        if (alert == null || alert.subscriptionId() == null || alert.articleId() == null) {
            LOG.warnf("Skipping unreadable alert %s-%d@%d", record.topic(), record.partition(), record.offset());
            unreadable.increment();
            return;
        }
        received.increment();
        synchronized (recent) {
            recent.addLast(alert);
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
        try {
            processor.onNext(alert);
        } catch (RuntimeException e) {
            // a client that cannot keep up loses its stream, never the consumer
            LOG.debugf("An alert stream client failed: %s", e.toString());
        }
    }

    /**
     * Alerts from now on, of one subscription or (null) all. Each client gets a buffer of {@link #CLIENT_BUFFER}
     * alerts (SSE writes request one at a time); a client further behind than that loses its stream.
     */
    public Multi<Alert> live(String subscriptionId) {
        return processor.onOverflow().buffer(CLIENT_BUFFER)
                .select().where(a -> subscriptionId == null || subscriptionId.equals(a.subscriptionId()));
    }

    /** The last alerts received (oldest first), of one subscription or (null) all. */
    public List<Alert> recent(String subscriptionId) {
        synchronized (recent) {
            return recent.stream().filter(a -> subscriptionId == null || subscriptionId.equals(a.subscriptionId())).toList();
        }
    }
}
