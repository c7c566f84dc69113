package org.newsroommonitor.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.search.index.IndexingMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch stopped for 30 s while articles keep flowing: nothing is committed before it is indexed, and once
 * Elasticsearch is back every article is searchable exactly once.
 */
@QuarkusTest
class OutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final int RATE_PER_SECOND = 5;

    @Inject
    MeterRegistry registry;

    @Test
    void everyArticleSentDuringAnOutageIsSearchableExactlyOnceAfterIt() throws Exception {
        String marker = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> sent = new CopyOnWriteArrayList<>();
        List<RecordMetadata> sentWhileDown = new CopyOnWriteArrayList<>();
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean flowing = new AtomicBoolean(true);
        double transientBefore = counter();

        Thread producerThread = Thread.ofPlatform().name("outage-producer").start(() -> {
            try (KafkaProducer<String, String> producer = SearchPipelineTest.producer()) {
                for (int n = 0; flowing.get(); n++) {
                    String id = marker + "-" + n;
                    boolean whileDown = down.get();
                    RecordMetadata metadata = producer.send(new ProducerRecord<>("news.classified", id,
                            SearchPipelineTest.article(id, "Outage bulletin " + n, "Fuel reached the hospital, report " + n,
                                    "2016-06-06T06:06:06Z", "Outage Wire", SearchPipelineTest.topic(marker, 0.5, "Fuel"))
                                    .toString())).get();
                    sent.add(id);
                    if (whileDown && down.get()) {
                        sentWhileDown.add(metadata);
                    }
                    await().pollDelay(Duration.ofMillis(1000 / RATE_PER_SECOND)).until(() -> true);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        try {
            // articles flow and are indexed while Elasticsearch is up
            await().atMost(Duration.ofSeconds(60)).until(() -> total(marker) >= 5);
            SharedServers.stopElasticsearch();
            down.set(true);
            Instant stoppedAt = Instant.now();
            // the consumer fails to index, retries, and keeps its offsets
            await().atMost(Duration.ofSeconds(60)).until(() -> counter() > transientBefore);
            await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Duration.between(stoppedAt, Instant.now()).compareTo(OUTAGE) >= 0);
            assertThat(sentWhileDown).hasSizeGreaterThan(RATE_PER_SECOND * 10);
            // nothing sent during the outage was committed: each partition's committed offset is at most the
            // offset of its first record sent while Elasticsearch was down
            Map<TopicPartition, Long> firstWhileDown = new HashMap<>();
            for (RecordMetadata metadata : sentWhileDown) {
                firstWhileDown.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::min);
            }
            try (Admin admin = SharedServers.admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("search-service")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, Long> first : firstWhileDown.entrySet()) {
                    OffsetAndMetadata offset = committed.get(first.getKey());
                    long committedOffset = offset == null ? 0 : offset.offset();
                    assertThat(committedOffset).as("committed offset of %s", first.getKey())
                            .isLessThanOrEqualTo(first.getValue());
                }
            }
        } finally {
            down.set(false);
            SharedServers.startElasticsearch();
        }
        // a few more articles after the outage, then stop the flow
        int sentAtRestart = sent.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= sentAtRestart + 5);
        flowing.set(false);
        producerThread.join(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(total(marker)).isEqualTo(sent.size()));
        // exactly once: page through every hit and compare with what was sent
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("topic", marker).queryParam("size", "100").queryParam("facets", "false");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = request.get("/api/search").then().statusCode(200).extract().as(JsonNode.class);
            page.get("hits").forEach(h -> found.add(h.get("id").asText()));
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
        } while (cursor != null);
        Set<String> unique = new LinkedHashSet<>(found);
        assertThat(found).hasSize(unique.size());
        assertThat(unique).isEqualTo(new HashSet<>(sent));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    long total(String marker) {
        var response = given().queryParam("topic", marker).queryParam("size", "0").queryParam("facets", "false")
                .get("/api/search");
        return response.statusCode() == 200 ? response.as(JsonNode.class).get("total").asLong() : -1;
    }

    double counter() {
        var counter = registry.find(IndexingMetrics.FAILURES).tag("reason", "transient").counter();
        return counter == null ? 0 : counter.count();
    }
}
