package org.newsroommonitor.search.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroommonitor.search.RepoFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The corpus the browser tests see: classified articles made from the contract's example
 * (docs/messages/classified-article.json) with other titles, times, sources, places and organisations, published
 * minutes to days before the test started, plus one feed item full of markup and script. The profile gives the
 * browser tests their own topic, consumer group and index.
 */
final class UiCorpus {

    static final String TOPIC = "uitest.classified";
    static final String ALIAS = "uitest-articles";
    static final String ALERTS_TOPIC = "news.alerts";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The hostile feed item: its title, summary and text try to run script in several ways. */
    static final String HOSTILE_ID = "ui-hostile";
    static final String HOSTILE_TITLE = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\"> "
            + "Fuel convoy hijacked near checkpoint";
    static final String HOSTILE_SUMMARY = "Drivers report <b onmouseover=\"window.__xss='hover'\">fuel</b> losses "
            + "<img src=x onerror=alert('xss')> at the checkpoint.";
    static final String HOSTILE_TEXT = "Drivers report fuel losses at the checkpoint. <svg onload=\"window.__xss='svg'\"></svg>"
            + "<iframe src=\"javascript:window.__xss='iframe'\"></iframe> The convoy of fuel tankers was stopped.";

    /** What a test needs to know about an article of the corpus. */
    record Article(String id, String title, String source, String language, Instant published, List<String> places,
            List<String> topics) {
    }

    private final Instant now;
    private final List<ObjectNode> documents = new ArrayList<>();
    private final List<Article> articles = new ArrayList<>();

    UiCorpus(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        add("ui-convoy", "Aid convoy of 22 trucks waits at Aghdam checkpoint",
                "Twenty-two trucks of flour and medicine are parked at the Aghdam checkpoint awaiting permission to drive on to Stepanakert.",
                Duration.ofMinutes(3), "Caucasus Wire", "en",
                List.of(place("geo:aghdam", "Aghdam", 39.9931, 46.9297), place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519)),
                List.of(org("org:icrc", "International Committee of the Red Cross")),
                List.of(topic("humanitarian-aid", 0.84, "trucks of flour and medicine", "aid convoy")));
        add("ui-blockade", "Lachin corridor blockade enters its ninth month",
                "The only road linking the region to Armenia has been closed since December, and residents of Stepanakert describe empty shelves.",
                Duration.ofHours(2), "Caucasus Wire", "en",
                List.of(place("geo:lachin-corridor", "Lachin corridor", 39.64, 46.54), place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519)),
                List.of(),
                List.of(topic("blockade", 0.87, "Lachin corridor", "blockaded"), topic("food-security", 0.55, "empty shelves")));
        add("ui-bread", "Bread rationed in Stepanakert as flour runs out",
                "Bakeries in Stepanakert sell one loaf per family per day; queues form before dawn as flour stocks run out.",
                Duration.ofHours(5), "Region Monitor", "en",
                List.of(place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519)),
                List.of(),
                List.of(topic("food-security", 0.91, "rationed", "flour runs out", "queues")));
        add("ui-icrc", "Red Cross delivers medicine through the Lachin corridor",
                "The International Committee of the Red Cross brought insulin and dialysis supplies to the hospital in Stepanakert.",
                Duration.ofHours(9), "Region Monitor", "en",
                List.of(place("geo:lachin-corridor", "Lachin corridor", 39.64, 46.54), place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519)),
                List.of(org("org:icrc", "International Committee of the Red Cross")),
                List.of(topic("health", 0.78, "insulin", "dialysis supplies", "hospital"), topic("humanitarian-aid", 0.66, "delivers medicine")));
        add("ui-ru-convoy", "Колонна гуманитарной помощи ждёт у Агдама",
                "Грузовики с мукой и лекарствами стоят у КПП в Агдаме в ожидании разрешения.",
                Duration.ofDays(1).plusHours(3), "Kavkaz Uzel", "ru",
                List.of(place("geo:aghdam", "Aghdam", 39.9931, 46.9297)),
                List.of(),
                List.of(topic("humanitarian-aid", 0.7, "гуманитарной помощи")));
        add("ui-displaced", "Families leave Stepanakert for Goris after checkpoint opens",
                "Hundreds of families drove towards Goris in Armenia, carrying what they could, after the checkpoint opened.",
                Duration.ofDays(2).plusHours(1), "Armenia Today", "en",
                List.of(place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519), place("geo:goris", "Goris", 39.5074, 46.3383)),
                List.of(org("org:unhcr", "UN Refugee Agency")),
                List.of(topic("displacement", 0.88, "families leave", "drove towards Goris")));
        add("ui-unhcr", "UN Refugee Agency prepares shelters in Goris",
                "UNHCR staff set up temporary shelters in Goris for people arriving from Nagorno-Karabakh.",
                Duration.ofDays(2).plusHours(6), "Armenia Today", "en",
                List.of(place("geo:goris", "Goris", 39.5074, 46.3383)),
                List.of(org("org:unhcr", "UN Refugee Agency")),
                List.of(topic("displacement", 0.73, "temporary shelters"), topic("humanitarian-aid", 0.51, "shelters")));
        add("ui-fuel", "Fuel shortage halts ambulances in Stepanakert",
                "Hospitals report that ambulances stand idle because the region has had no fuel deliveries for weeks.",
                Duration.ofDays(3).plusHours(2), "Region Monitor", "en",
                List.of(place("geo:stepanakert", "Stepanakert", 39.8153, 46.7519)),
                List.of(),
                List.of(topic("health", 0.69, "ambulances", "hospitals"), topic("blockade", 0.52, "no fuel deliveries")));
        add(HOSTILE_ID, HOSTILE_TITLE, HOSTILE_SUMMARY, Duration.ofDays(1).plusHours(8), "Untrusted <b>Feed</b>", "en",
                List.of(place("geo:aghdam", "Aghdam", 39.9931, 46.9297)), List.of(),
                List.of(topic("blockade", 0.6, "<img src=x onerror=alert(1)>checkpoint")));
        documents.getLast().put("text", HOSTILE_TEXT);
        documents.getLast().put("url", "javascript:window.__xss='link'");
        documents.getLast().put("canonicalUrl", "javascript:window.__xss='link'");
    }

    List<Article> articles() {
        return List.copyOf(articles);
    }

    Article article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** Sends every document to the profile's topic, keyed by id, and waits for the broker's acknowledgements. */
    void produce(String bootstrapServers) throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            for (ObjectNode document : documents) {
                producer.send(new ProducerRecord<>(TOPIC, document.get("id").asText(), document.toString())).get();
            }
        }
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private void add(String id, String title, String summary, Duration age, String source, String language,
            List<ObjectNode> places, List<ObjectNode> organisations, List<ObjectNode> topics) {
        ObjectNode doc = template();
        Instant published = now.minus(age);
        String url = "https://newsroom.example/" + id;
        doc.put("id", id).put("url", url).put("canonicalUrl", url).put("guid", id)
                .put("title", title).put("summary", summary).put("text", summary)
                .put("published", published.toString()).put("firstSeen", published.toString())
                .put("classifiedAt", published.toString()).put("language", language);
        ArrayNode sources = doc.putArray("sources");
        sources.addObject().put("feedUrl", "https://newsroom.example/" + source.replaceAll("\\W+", "-") + ".rss")
                .put("name", source).put("siteUrl", "https://newsroom.example/");
        doc.putArray("topics").addAll(topics);
        doc.putArray("places").addAll(places);
        doc.putArray("organisations").addAll(organisations);
        documents.add(doc);
        articles.add(new Article(id, title, source, language, published,
                places.stream().map(p -> p.get("id").asText()).toList(),
                topics.stream().map(t -> t.get("id").asText()).toList()));
    }

    private static ObjectNode template() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(RepoFiles.message("classified-article.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode place(String id, String name, double lat, double lon) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("count", 1).put("country", "AZ")
                .put("lat", lat).put("lon", lon);
    }

    private static ObjectNode org(String id, String name) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("count", 1);
    }

    private static ObjectNode topic(String id, double score, String... matched) {
        ObjectNode topic = JSON.createObjectNode().put("id", id).put("score", score);
        ArrayNode words = topic.putArray("matched");
        for (String word : matched) {
            words.add(word);
        }
        topic.putArray("hits");
        return topic;
    }

    /**
     * Own topic, consumer group and index for the browser tests (the servers come from the module's global test
     * resource; the topics are created by {@link #createTopics} before anything is produced: the consumers pick a
     * topic up when it appears).
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.search.index.alias", ALIAS,
                    "newsroom.search.index.name", ALIAS + "-v1",
                    "mp.messaging.incoming.classified.topic", TOPIC,
                    "mp.messaging.incoming.classified.group.id", "search-service-uitest");
        }
    }

    /** Creates the corpus topic and news.alerts (one partition each) unless they exist. */
    static void createTopics(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (String topic : List.of(TOPIC, ALERTS_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
