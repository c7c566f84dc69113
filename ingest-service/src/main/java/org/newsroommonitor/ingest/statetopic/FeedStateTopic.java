package org.newsroommonitor.ingest.statetopic;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedOwnership;
import org.newsroommonitor.ingest.state.FeedStateStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * This replica's side of the compacted topic {@code newsroom.ingest.state.topic} ({@code news.feed-state}), which
 * keeps feed state, published articles and registry changes across restarts and shares them between the replicas
 * without a database. Keys: {@code feed:<feedId>} (a {@code FeedState}), {@code article:<articleId>} (a
 * {@code SeenArticle}) and {@code registry:<feedId>} (a feed added, changed or removed through the API).
 * <p>
 * Wires the parts and gives the service their views: {@link #feedStates()}, {@link #seenArticles()} and
 * {@link #ownership()}. Every replica reads the whole topic at start and keeps reading it
 * ({@link CompactedTopicReader}), writes through ({@link StateTopicWriter}), shares registry changes
 * ({@link RegistryReplication}) and polls the feeds of the partitions it is assigned ({@link KafkaFeedOwnership}).
 */
@ApplicationScoped
@Startup
public class FeedStateTopic {

    private final StateTopicWriter writer;
    private final KafkaFeedStateStore feedStates;
    private final KafkaSeenArticles seenArticles;
    private final CompactedTopicReader reader;
    private final KafkaFeedOwnership ownership;
    private boolean closed;

    /**
     * @param kafkaConfig every {@code kafka.*} property (Quarkus' {@code default-kafka-broker} map): the state
     *                    topic's clients authenticate with the same security settings as the channels
     */
    @Inject
    FeedStateTopic(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, FeedRegistry registry) {
        this(bootstrap, KafkaClientSecurity.from(kafkaConfig), config.state().topic(), OwnerGroup.of(config.state()),
                config.state().startTimeout(), registry);
    }

    /** Starts reading {@code topic} and joining {@code ownerGroup} on it, on a plain (PLAINTEXT) broker. */
    public FeedStateTopic(String bootstrap, String topic, OwnerGroup ownerGroup, Duration startTimeout,
            FeedRegistry registry) {
        this(bootstrap, KafkaClientSecurity.NONE, topic, ownerGroup, startTimeout, registry);
    }

    FeedStateTopic(String bootstrap, KafkaClientSecurity security, String topic, OwnerGroup ownerGroup,
            Duration startTimeout, FeedRegistry registry) {
        this.writer = new StateTopicWriter(bootstrap, security, topic);
        this.feedStates = new KafkaFeedStateStore(writer);
        this.seenArticles = new KafkaSeenArticles(writer);
        RegistryReplication replication = new RegistryReplication(registry, writer, feedStates);
        this.reader = new CompactedTopicReader(bootstrap, security, topic, writer,
                List.of(feedStates.keySpace(), seenArticles.keySpace(), replication));
        this.ownership = new KafkaFeedOwnership(bootstrap, security, topic, ownerGroup, "ingest-state-owner-" + writer.shortId(),
                reader, startTimeout);
        reader.start();
        ownership.start();
    }

    @Produces
    @Singleton
    public FeedStateStore feedStates() {
        return feedStates;
    }

    @Produces
    @Singleton
    public SeenArticles seenArticles() {
        return seenArticles;
    }

    @Produces
    @Singleton
    public FeedOwnership ownership() {
        return ownership;
    }

    /** The partitions of the state topic this replica is assigned, for the readiness check and tests. */
    public SortedSet<Integer> ownedPartitions() {
        return ownership.ownedPartitions();
    }

    /** Flushes the writes and leaves the owner group (the other replicas take this one's feeds). */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.flush();
        ownership.close();
        reader.close();
        writer.close();
    }

    void stop(@Observes ShutdownEvent stopping) {
        close();
    }
}
