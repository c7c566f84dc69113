package org.newsroommonitor.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What one service does with Kafka, read from its {@code src/main/resources/application.properties} as it is at test
 * time: the topics it reads (incoming channels), the topics it writes (outgoing channels, dead-letter topics, the
 * per-topic alert topics of classify-service) and its consumer groups, plus ingest-service's state topic, which it
 * reads and writes with its own clients. Only the default and {@code %prod} profiles count: that is what runs on
 * Kubernetes. A group id that contains {@code ${quarkus.uuid}} is one group per instance: it is listed as its prefix
 * followed by {@code *}, and its topics do not bound how far the service scales ({@link #sharedReadTopics()}).
 */
record ServiceKafkaUsage(String service, Set<String> readTopics, Set<String> writtenTopics, Set<String> groups,
                         Set<String> sharedReadTopics) {

    static final String PER_INSTANCE = "${quarkus.uuid}";

    private static final String KAFKA_CONNECTOR = "smallrye-kafka";

    Set<String> allTopics() {
        Set<String> all = new TreeSet<>(readTopics);
        all.addAll(writtenTopics);
        return all;
    }

    boolean usesKafka() {
        return !readTopics.isEmpty() || !writtenTopics.isEmpty();
    }

    /** Every {@code *-service} module of the repository, with its Kafka usage. */
    static List<ServiceKafkaUsage> of(Path repoRoot) {
        List<ServiceKafkaUsage> services = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(repoRoot)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().endsWith("-service")).sorted().toList()) {
                Path properties = dir.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(properties)) {
                    services.add(read(dir.getFileName().toString(), properties));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    static ServiceKafkaUsage read(String service, Path file) {
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // effective prod configuration: default keys, overridden by %prod. keys; other profiles ignored
        TreeMap<String, String> config = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> config.put(k, raw.getProperty(k).strip()));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod.")).forEach(k -> config.put(k.substring(6), raw.getProperty(k).strip()));

        Set<String> read = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        String defaultGroup = config.getOrDefault("kafka.group.id", config.getOrDefault("quarkus.application.name", service));
        for (String direction : List.of("incoming", "outgoing")) {
            String prefix = "mp.messaging." + direction + ".";
            Set<String> channels = new TreeSet<>();
            config.keySet().stream().filter(k -> k.startsWith(prefix))
                    .map(k -> k.substring(prefix.length()))
                    .filter(rest -> rest.contains("."))
                    .map(rest -> rest.substring(0, rest.indexOf('.')))
                    .forEach(channels::add);
            for (String channel : channels) {
                String c = prefix + channel + ".";
                String connector = config.getOrDefault(c + "connector",
                        config.getOrDefault("mp.messaging.connector." + direction, KAFKA_CONNECTOR));
                if (!KAFKA_CONNECTOR.equals(connector)) {
                    continue;
                }
                Set<String> topics = new TreeSet<>();
                if (config.containsKey(c + "topics")) {
                    Arrays.stream(config.get(c + "topics").split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(topics::add);
                } else {
                    topics.add(config.getOrDefault(c + "topic", channel));
                }
                if (direction.equals("incoming")) {
                    read.addAll(topics);
                    String group = config.getOrDefault(c + "group.id", defaultGroup);
                    if (group.contains(PER_INSTANCE)) {
                        groups.add(group.substring(0, group.indexOf(PER_INSTANCE)) + "*");
                    } else {
                        groups.add(group);
                        shared.addAll(topics);
                    }
                    if ("dead-letter-queue".equals(config.get(c + "failure-strategy"))
                            || config.containsKey(c + "dead-letter-queue.topic")) {
                        // SmallRye's default dead-letter topic is dead-letter-topic-<channel topic>
                        written.add(config.getOrDefault(c + "dead-letter-queue.topic",
                                "dead-letter-topic-" + topics.iterator().next()));
                    }
                } else {
                    written.addAll(topics);
                }
            }
        }
        // classify-service routes topic alerts to <alerts topic>.<topic id> record by record
        String topicAlerts = config.get("newsroom.classify.topic-alerts");
        if (topicAlerts != null) {
            String alerts = config.getOrDefault("mp.messaging.outgoing.alerts.topic", "alerts");
            Arrays.stream(topicAlerts.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                    .forEach(t -> written.add(alerts + "." + t));
        }
        // ingest-service keeps its feed state in a compacted topic with its own consumer and producer
        String stateTopic = config.get("newsroom.ingest.state.topic");
        if (stateTopic != null) {
            read.add(stateTopic);
            written.add(stateTopic);
            groups.add(config.getOrDefault("newsroom.ingest.state.owner-group", service));
        }
        return new ServiceKafkaUsage(service, read, written, groups, shared);
    }
}
