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
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service does with Kafka, read from its {@code src/main/resources/application.properties} as it is at test
 * time (a setting left to its {@code @WithDefault} is read from the service's config interface): the topics it
 * reads (incoming channels), the topics it writes (outgoing channels, dead-letter topics, the
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
                    services.add(read(dir.getFileName().toString(), properties, dir.resolve("src/main/java")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    static ServiceKafkaUsage read(String service, Path file, Path sources) {
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
        String topicAlerts = config.getOrDefault("newsroom.classify.topic-alerts",
                mappingDefault(sources, null, "topicAlerts").orElse(null));
        if (topicAlerts != null) {
            String alerts = config.getOrDefault("mp.messaging.outgoing.alerts.topic", "alerts");
            Arrays.stream(topicAlerts.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                    .forEach(t -> written.add(alerts + "." + t));
        }
        // ingest-service keeps its feed state in a compacted topic with its own consumer and producer
        String stateTopic = config.getOrDefault("newsroom.ingest.state.topic",
                mappingDefault(sources, "State", "topic").orElse(null));
        if (stateTopic != null) {
            read.add(stateTopic);
            written.add(stateTopic);
            groups.add(config.getOrDefault("newsroom.ingest.state.owner-group",
                    mappingDefault(sources, "State", "ownerGroup").orElse(service)));
        }
        return new ServiceKafkaUsage(service, read, written, groups, shared);
    }

    /**
     * The default of a {@code @ConfigMapping} setting that application.properties leaves out: the
     * {@code @WithDefault} of the method {@code method()} (inside the nested {@code interface group}, when a group
     * is given) in the service's config interfaces, the one place that default is kept. A default given as a
     * constant is resolved within the same file.
     */
    static Optional<String> mappingDefault(Path sources, String group, String method) {
        Pattern declaration = Pattern.compile(
                "@WithDefault\\((\"[^\"]*\"|[A-Z_]+)\\)\\s+[\\w.<>]+\\s+" + method + "\\(\\)");
        try (Stream<Path> files = Files.exists(sources) ? Files.walk(sources) : Stream.empty()) {
            for (Path source : files.filter(f -> f.toString().endsWith("Config.java")).toList()) {
                String text = Files.readString(source);
                int from = group == null ? 0 : text.indexOf("interface " + group + " {");
                if (from < 0) {
                    continue;
                }
                Matcher m = declaration.matcher(text);
                if (m.find(from)) {
                    String value = m.group(1);
                    if (value.startsWith("\"")) {
                        return Optional.of(value.substring(1, value.length() - 1));
                    }
                    Matcher constant = Pattern.compile(value + "\\s*=\\s*\"([^\"]*)\"").matcher(text);
                    if (constant.find()) {
                        return Optional.of(constant.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
