package org.newsroommonitor.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Feed state, published articles and registry changes kept in the compacted Kafka topic {@code news.feed-state}, so
 * they survive restarts and are shared by every replica without a database. Keys: {@code feed:<feedId>} (a
 * {@link FeedState}), {@code article:<articleId>} (a {@link SeenArticle}), {@code registry:<feedId>} (a feed added,
 * changed or removed through the API).
 * <p>
 * Every replica reads the whole topic into memory at start and keeps tailing it (the other replicas' writes arrive
 * there; its own are skipped by a writer id header), and writes through with an idempotent, acks=all producer.
 * Feeds are split between the replicas by the partitions of the topic: every replica joins the consumer group
 * {@code newsroom.ingest.state.owner-group} on it, and polls exactly the feeds whose {@code feed:<id>} key falls into
 * a partition it is assigned (Kafka's own key hashing). When a replica dies or leaves, Kafka reassigns its partitions
 * and their feeds move, with their state, to the others (at once when it stops, within the 10 s session timeout
 * when it dies). More replicas than partitions leave some idle.
 */
@ApplicationScoped
@Startup
public class KafkaFeedState implements FeedStateStore, SeenArticles, FeedOwnership {

    private static final Logger LOG = Logger.getLogger(KafkaFeedState.class);
    private static final String WRITER = "newsroom-writer";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String topic;
    private final String writerId = UUID.randomUUID().toString();
    private final Map<String, FeedState> feeds = new ConcurrentHashMap<>();
    private final Map<String, SeenArticle> articles = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> reader;
    private final KafkaConsumer<String, String> owner;
    private final FeedRegistry registry;
    private final Duration startTimeout;
    private final Thread readerThread;
    private final Thread ownerThread;
    private volatile boolean running = true;
    private volatile int partitions;

    /** A feed added, changed or removed through the API, as kept under {@code registry:<feedId>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryRecord(Feed feed, boolean removed) {
    }

    @Inject
    public KafkaFeedState(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            FeedRegistry registry) {
        this(bootstrap, config.state().topic(), config.state().ownerGroup(), config.state().startTimeout(), registry);
    }

    public KafkaFeedState(String bootstrap, String topic, String ownerGroup, Duration startTimeout,
            FeedRegistry registry) {
        this.topic = topic;
        this.registry = registry;
        this.startTimeout = startTimeout;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-state-" + writerId.substring(0, 8)),
                new StringSerializer(), new StringSerializer());
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state-reader-" + writerId.substring(0, 8)),
                new StringDeserializer(), new StringDeserializer());
        this.owner = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, ownerGroup,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1",
                // a replica that dies without leaving the group loses its feeds after 10 s, not Kafka's default 45 s
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000",
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000",
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "1024",
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state-owner-" + writerId.substring(0, 8)),
                new StringDeserializer(), new StringDeserializer());
        registry.addListener(this::registryChanged);
        this.readerThread = Thread.ofPlatform().daemon().name("feed-state-reader").start(this::read);
        this.ownerThread = Thread.ofPlatform().daemon().name("feed-state-owner").start(this::own);
    }

    /** Waits until the state is read and this replica knows its feeds; false when that took too long. */
    @Override
    public boolean awaitReady() {
        try {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            return loaded.await(startTimeout.toNanos(), TimeUnit.NANOSECONDS)
                    && assigned.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean ready() {
        return loaded.getCount() == 0 && assigned.getCount() == 0;
    }

    @Override
    public boolean owns(String feedId) {
        int count = partitions;
        return count > 0 && owned.contains(partitionOf("feed:" + feedId, count));
    }

    /** The partitions of the state topic this replica owns, for the status page and tests. */
    public Set<Integer> ownedPartitions() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(owned));
    }

    /** The partition Kafka's default partitioner puts {@code key} in. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    // --- FeedStateStore ---

    @Override
    public Optional<FeedState> get(String feedId) {
        return Optional.ofNullable(feeds.get(feedId));
    }

    @Override
    public void save(FeedState state) {
        feeds.put(state.feedId(), state);
        write("feed:" + state.feedId(), state);
    }

    @Override
    public void remove(String feedId) {
        feeds.remove(feedId);
        write("feed:" + feedId, null);
    }

    // --- SeenArticles ---

    @Override
    public Optional<SeenArticle> find(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    @Override
    public void remember(SeenArticle article) {
        SeenArticle kept = articles.merge(article.id(), article,
                (known, offered) -> offered.revision() >= known.revision() ? offered : known);
        if (kept == article) {
            write("article:" + article.id(), article);
        }
    }

    @Override
    public long size() {
        return articles.size();
    }

    // --- plumbing ---

    private void registryChanged(FeedRegistry.Change change) {
        write("registry:" + change.feed().id(), new RegistryRecord(change.feed(), change.removed()));
        if (change.removed()) {
            remove(change.feed().id());
        }
    }

    private void write(String key, Object value) {
        String json;
        try {
            json = value == null ? null : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + key, e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add(WRITER, writerId.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.warnf("Feed state %s could not be written to %s: %s", key, topic, error.toString());
            }
        });
    }

    /** Flushes what was written (tests, shutdown). */
    public void flush() {
        producer.flush();
    }

    private void read() {
        try {
            List<TopicPartition> all = waitForPartitions(reader).stream()
                    .map(partition -> new TopicPartition(topic, partition)).toList();
            reader.assign(all);
            reader.seekToBeginning(all);
            Map<TopicPartition, Long> end = reader.endOffsets(all);
            boolean caughtUp = false;
            long records = 0;
            while (running) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    apply(record, caughtUp);
                    records++;
                }
                if (!caughtUp && all.stream().allMatch(p -> reader.position(p) >= end.get(p))) {
                    caughtUp = true;
                    LOG.infof("Feed state read from %s: %d records, %d feeds, %d articles", topic, records,
                            feeds.size(), articles.size());
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reading feed state from %s failed", topic);
        } finally {
            reader.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, String> record, boolean caughtUp) {
        Header writer = record.headers().lastHeader(WRITER);
        if (caughtUp && writer != null && writerId.equals(new String(writer.value(), StandardCharsets.UTF_8))) {
            return; // our own write, already applied
        }
        String key = record.key();
        if (key == null) {
            return;
        }
        try {
            if (key.startsWith("feed:")) {
                String feedId = key.substring(5);
                if (record.value() == null) {
                    feeds.remove(feedId);
                } else {
                    feeds.put(feedId, JSON.readValue(record.value(), FeedState.class));
                }
            } else if (key.startsWith("article:")) {
                if (record.value() != null) {
                    SeenArticle article = JSON.readValue(record.value(), SeenArticle.class);
                    articles.merge(article.id(), article,
                            (known, offered) -> offered.revision() >= known.revision() ? offered : known);
                } else {
                    articles.remove(key.substring(8));
                }
            } else if (key.startsWith("registry:") && record.value() != null) {
                RegistryRecord change = JSON.readValue(record.value(), RegistryRecord.class);
                registry.apply(new FeedRegistry.Change(change.feed(), change.removed()));
            }
        } catch (Exception e) {
            LOG.warnf("Skipping unreadable feed state record %s at %s-%d@%d: %s", key, record.topic(),
                    record.partition(), record.offset(), e.toString());
        }
    }

    private void own() {
        try {
            partitions = waitForPartitions(owner).size();
            owner.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    revoked.forEach(partition -> owned.remove(partition.partition()));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> granted) {
                    granted.forEach(partition -> owned.add(partition.partition()));
                    LOG.infof("This replica now polls the feeds of %s partitions %s", topic,
                            owned.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                    assigned.countDown();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> lost) {
                    onPartitionsRevoked(lost);
                }
            });
            while (running) {
                owner.poll(Duration.ofMillis(500)); // keeps the membership alive; the records themselves are unused
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "Feed ownership on %s failed", topic);
        } finally {
            owned.clear();
            owner.close(Duration.ofSeconds(5)); // leaves the group: the other replicas take over at once
        }
    }

    private List<Integer> waitForPartitions(KafkaConsumer<String, String> consumer) {
        while (running) {
            List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(org.apache.kafka.common.PartitionInfo::partition).sorted().toList();
            }
            LOG.warnf("The feed state topic %s does not exist (yet); waiting for it", topic);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
        throw new WakeupException();
    }

    void stop(@Observes ShutdownEvent stopping) {
        close();
    }

    /** Flushes the writes and leaves the owner group (the other replicas take this one's feeds). */
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        producer.flush();
        reader.wakeup();
        owner.wakeup();
        try {
            ownerThread.join(10_000);
            readerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
