package org.newsroommonitor.systemtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.IngestUserAgent;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.SampleFeedServer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of each service on the real local stack (docs/DELIVERY.md, "Recovery after a replica dies"): the
 * work is shared by partitions (ingest: each feed polled by exactly one replica), then the second replica of each
 * service in turn is SIGKILLed for good (not restarted) in the middle of the work, and the first takes over. It
 * measures the time from the kill until the survivor holds the dead replica's partitions ({@code assigned}) and until
 * every one of them makes progress again ({@code takeover}), and checks that the index holds exactly the N articles
 * (none missing, none twice, each with its topics), that the search API counts N and that every alert due was
 * emitted. Runs only with {@code -Pfaults}; {@code -Dnewsroom.faults.feeds=10} makes N smaller while developing.
 */
class ReplicaFaultToleranceTest {

    /** The target: the dead replica's partitions are the survivor's within 15 s. */
    private static final Duration ASSIGNED_BOUND = Duration.ofSeconds(15);
    /**
     * Until the dead replica's partitions work again (the first commits on one of them): a guard against partitions
     * left unread, not the target. The time is printed; classify's has ranged from 10.6 s to 32.1 s on the 2-core
     * machine (docs/DELIVERY.md), as the survivor first works through what it had fetched of its own backlog.
     */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(60);
    private static final String OWNER_GROUP = "ingest-service-feed-owners";

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private static TemporaryStack temporaryStack;
    private static LocalStack stack;

    /**
     * What the survivor of one service took over, timed from the kill: until it held every partition, until the first
     * of the dead replica's partitions made progress, and until every one of them had (the survivor works through
     * its own backlog too, so this one grows with the load).
     */
    private record Takeover(String service, Duration assigned, Duration takeover, Duration all) {
        String figure() {
            return String.format(Locale.ROOT, "%s-assigned=%.1fs %s-takeover=%.1fs %s-all-partitions=%.1fs", service,
                    seconds(assigned), service, seconds(takeover), service, seconds(all));
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    @BeforeAll
    static void startStackWithTwoReplicasOfEachService() throws IOException {
        temporaryStack = new TemporaryStack("faults", Duration.ofSeconds(5));
        stack = temporaryStack.start();
        for (String service : LocalStack.SERVICES) {
            stack.startReplica(service, 1, Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (temporaryStack != null) {
            temporaryStack.close();
        }
    }

    @Test
    void oneReplicaOfEachServiceKilledTheOtherTakesOver() throws Exception {
        PipelineRun run = new PipelineRun(stack, "kill-one-of-two-replicas");
        run.startAndAwaitAThird(List.of(LocalStack.replicaName("classify-service", 0),
                LocalStack.replicaName("classify-service", 1)), PipelineRun.PUBLISHED);
        // the work is shared: both replicas of each service hold partitions of its group
        for (String[] group : List.of(new String[] {OWNER_GROUP, "ingest-service"},
                new String[] {"classify-service", "classify-service"}, new String[] {"search-service", "search-service"})) {
            Map<String, Set<TopicPartition>> members = assignment(group[0]);
            assertThat(members.keySet()).as("static members of %s", group[0])
                    .containsExactlyInAnyOrder(LocalStack.instanceId(group[1], 0), LocalStack.instanceId(group[1], 1));
            assertThat(members.values()).as("partitions of %s per member", group[0]).allSatisfy(p ->
                    assertThat(p).isNotEmpty());
        }

        List<Takeover> takeovers = new ArrayList<>();
        takeovers.add(killIngestReplica(run.feedUrls.keySet(), run.registered()));
        takeovers.add(killConsumerReplica("classify-service", "classify-service", "news.articles"));
        takeovers.add(killConsumerReplica("search-service", "search-service", "news.classified"));

        Throwable failed = org.assertj.core.api.Assertions.catchThrowable(run::awaitAndCheckExactlyOnce);
        System.out.println(run.figure(takeovers.stream().map(Takeover::figure).collect(Collectors.joining(" "))));
        if (failed != null) {
            throw new AssertionError("the data after the replicas died", failed);
        }
        for (Takeover takeover : takeovers) {
            assertThat(takeover.assigned()).as("%s: kill until the survivor holds every partition", takeover.service())
                    .isLessThanOrEqualTo(ASSIGNED_BOUND);
            assertThat(takeover.takeover()).as("%s: kill until the dead replica's partitions work again",
                    takeover.service()).isLessThanOrEqualTo(TAKEOVER_BOUND);
        }
    }

    /**
     * Checks that each of the scenario's feeds was polled by exactly one ingest replica while both lived (from the
     * registration to the kill), kills the second, and waits until the first polls the dead one's feeds too.
     */
    private Takeover killIngestReplica(Set<String> feeds, Instant registered) throws Exception {
        String survivor = LocalStack.instanceId("ingest-service", 0);
        String victim = LocalStack.instanceId("ingest-service", 1);
        Instant killedAt = Instant.now();
        long killed = System.nanoTime();
        stack.service(LocalStack.replicaName("ingest-service", 1)).killForGood();

        Map<String, Set<String>> pollers = new HashMap<>();
        for (SampleFeedServer.Request request : stack.feedServer().requests()) {
            // the replica that took the OPML import fetched every feed once before adding it (feed discovery)
            if (feeds.contains(request.feed()) && request.at().isAfter(registered) && request.at().isBefore(killedAt)) {
                pollers.computeIfAbsent(request.feed(), f -> new TreeSet<>())
                        .add(String.valueOf(IngestUserAgent.replicaOf(request.userAgent())));
            }
        }
        // (with at most 2 fetches at a time per host and replica, not every feed has had its first poll yet)
        assertThat(pollers.keySet()).as("feeds polled before the kill").isNotEmpty().isSubsetOf(feeds);
        assertThat(pollers).as("feed -> the replicas that polled it while both lived")
                .allSatisfy((feed, replicas) -> assertThat(replicas).hasSize(1).isSubsetOf(survivor, victim));
        Set<String> victimFeeds = pollers.entrySet().stream().filter(e -> e.getValue().contains(victim))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(victimFeeds).as("feeds polled by %s", victim).isNotEmpty().hasSizeLessThan(pollers.size());

        Duration assigned = awaitSoleMember(OWNER_GROUP, survivor, killed);
        java.util.function.Supplier<Set<String>> takenOver = () -> stack.feedServer().requests().stream()
                .filter(r -> r.at().isAfter(killedAt) && survivor.equals(IngestUserAgent.replicaOf(r.userAgent())))
                .map(SampleFeedServer.Request::feed).filter(victimFeeds::contains).collect(Collectors.toSet());
        await("the survivor polls a feed of the dead replica").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).until(() -> !takenOver.get().isEmpty());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        await("the survivor polls every feed of the dead replica").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).until(() -> takenOver.get().equals(victimFeeds));
        return new Takeover("ingest", assigned, takeover, Duration.ofNanos(System.nanoTime() - killed));
    }

    /**
     * Kills the second replica of a service whose consumer group {@code group} reads {@code topic}, and waits until
     * the first holds all partitions and every partition the dead one held has committed past where it was (or
     * has nothing left to do).
     */
    private Takeover killConsumerReplica(String service, String group, String topic) throws Exception {
        String survivor = LocalStack.instanceId(service, 0);
        String victim = LocalStack.instanceId(service, 1);
        Set<TopicPartition> victimPartitions = assignment(group).get(victim);
        assertThat(victimPartitions).as("partitions of %s", victim).isNotEmpty();
        Map<TopicPartition, Long> atKill;
        try (Admin admin = stack.kafka().admin()) {
            atKill = PipelineRun.committed(admin, group, topic);
        }
        long killed = System.nanoTime();
        stack.service(LocalStack.replicaName(service, 1)).killForGood();

        Duration assigned = awaitSoleMember(group, survivor, killed);
        await(service + ": a partition of the dead replica works again").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> progressed(group, topic, victimPartitions, atKill, false) > 0
                        || progressed(group, topic, victimPartitions, atKill, true) == victimPartitions.size());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        await(service + ": every partition of the dead replica works again").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> progressed(group, topic, victimPartitions, atKill, true) == victimPartitions.size());
        return new Takeover(service.replace("-service", ""), assigned, takeover,
                Duration.ofNanos(System.nanoTime() - killed));
    }

    /**
     * How many of {@code partitions} {@code group} has committed past {@code before}; with {@code countIdle}, those
     * with nothing left to do count too.
     */
    private static long progressed(String group, String topic, Set<TopicPartition> partitions,
            Map<TopicPartition, Long> before, boolean countIdle) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, Long> end = PipelineRun.latest(admin, topic);
            Map<TopicPartition, Long> done = PipelineRun.committed(admin, group, topic);
            return partitions.stream().filter(p -> done.getOrDefault(p, 0L) > before.getOrDefault(p, 0L)
                    || countIdle && done.getOrDefault(p, 0L).equals(end.get(p))).count();
        }
    }

    /** Waits until {@code member} is the only member of {@code group}, holding partitions; the time since {@code since}. */
    private static Duration awaitSoleMember(String group, String member, long since) {
        await(member + " alone in " + group).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Map<String, Set<TopicPartition>> members = assignment(group);
                    return members.keySet().equals(Set.of(member)) && !members.get(member).isEmpty();
                });
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** The members of a consumer group by static member id, with their partitions. */
    private static Map<String, Set<TopicPartition>> assignment(String group) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(10, TimeUnit.SECONDS);
            Map<String, Set<TopicPartition>> members = new HashMap<>();
            for (MemberDescription member : description.members()) {
                members.put(member.groupInstanceId().orElse(member.consumerId()),
                        Set.copyOf(member.assignment().topicPartitions()));
            }
            return members;
        }
    }
}
