package org.newsroommonitor.search.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Consumes {@code news.alerts} (a consumer group of its own per instance, so every instance sees every alert) and
 * hands each alert to the connected SSE clients; keeps the last {@link #RECENT} alerts for clients that connect
 * later. A record that is not an alert of the schema version this service reads ({@link MessageSchemas}: not JSON,
 * another {@code schemaVersion}, a missing or mistyped field) is refused: logged with the reason, counted
 * ({@code result=refused}) and skipped, and the stream goes on (news.alerts has no dead-letter topic).
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
    private final MessageSchemas schemas;
    private final BroadcastProcessor<Alert> processor = BroadcastProcessor.create();
    private final Deque<Alert> recent = new ArrayDeque<>();
    private final Counter received;
    private final Counter refused;

    public AlertBroadcaster(ObjectMapper mapper, MessageSchemas schemas, MeterRegistry registry) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.received = Counter.builder(COUNTER).tag("result", "received")
                .description("Alerts read from news.alerts (received) or refused (logged with the reason)")
                .register(registry);
        this.refused = Counter.builder(COUNTER).tag("result", "refused")
                .description("Alerts read from news.alerts (received) or refused (logged with the reason)")
                .register(registry);
    }

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        Alert alert;
        try {
            alert = read(record.value());
        } catch (RefusedAlertException e) {
            LOG.warnf("Alert at %s-%d@%d (key %s) refused: %s", record.topic(), record.partition(), record.offset(),
                    record.key(), e.getMessage());
            refused.increment();
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

    /** The alert in {@code value}, checked against the alert schema this service reads ({@link MessageSchemas}). */
    private Alert read(String value) throws RefusedAlertException {
        if (value == null) {
            throw new RefusedAlertException("no value");
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new RefusedAlertException("not JSON: " + e.getOriginalMessage());
        }
        Optional<String> problem = schemas.problem(MessageType.ALERT, json);
        if (problem.isPresent()) {
            throw new RefusedAlertException(problem.get());
        }
        try {
            return mapper.treeToValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            // the schema was checked, so this is a value Jackson cannot bind (an instant it cannot parse, say)
            throw new RefusedAlertException("not an alert: " + e.getOriginalMessage());
        }
    }

    /** Why a record of {@code news.alerts} is not streamed. */
    private static final class RefusedAlertException extends Exception {
        RefusedAlertException(String reason) {
            super(reason, null, false, false);
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
