package org.newsroommonitor.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The article record reads and writes exactly the example of the wire-format contract. */
class ArticleMessageContractTest {

    /** Configured as Quarkus configures its ObjectMapper (JavaTimeModule, ISO-8601 instants). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theDocsExampleRoundTripsUnchanged() throws Exception {
        Path example = docsExample("article.json");
        JsonNode expected = JSON.readTree(Files.readString(example));

        ArticleMessage article = JSON.treeToValue(expected, ArticleMessage.class);

        assertThat(article.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(article.publishedSource()).isEqualTo(PublishedSource.FEED_PUBLISHED);
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
        assertThat(article.sources()).containsExactly(new ArticleSource(
                "http://127.0.0.1:8090/feeds/caucasus-wire.rss", "Caucasus Wire", "https://caucasus-wire.example/"));
        assertThat(article.summaryHtml()).startsWith("A single <b>Russian Red Cross</b> lorry");
        assertThat(article.imageUrl()).isEqualTo("https://caucasus-wire.example/img/red-cross-truck.jpg");
        assertThat(article.enclosures()).containsExactly(new ArticleMessage.Enclosure(
                "https://caucasus-wire.example/img/red-cross-truck.jpg", "image/jpeg", 48213));
        assertThat(JSON.readTree(JSON.writeValueAsString(article))).isEqualTo(expected);
    }

    @Test
    void theIdAndHashesOfTheDocsExampleFollowTheContract() throws Exception {
        Path example = docsExample("article.json");
        ArticleMessage article = JSON.readValue(Files.readString(example), ArticleMessage.class);
        assertThat(UrlCanonicalizer.canonicalize(article.url())).isEqualTo(article.canonicalUrl());
        assertThat(ArticleId.ofCanonicalUrl(article.canonicalUrl())).isEqualTo(article.id());
        assertThat(ArticleMessage.contentHashOf(article.title(), article.summary(), article.text()))
                .isEqualTo(article.contentHash());
    }

    /**
     * {@code docs/messages/<name>} under {@code newsroom.repo.root}; when Maven runs in this module's directory that
     * property is the module itself, so the nearest parent holding the file is taken.
     */
    static Path docsExample(String name) {
        Path start = Path.of(System.getProperty("newsroom.repo.root", ".")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("messages").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/messages/" + name + " not found from " + start);
    }

    @Test
    void nullLanguageAndGuidAreWrittenAsNull() throws Exception {
        ArticleMessage article = new ArticleMessage(1, "id", 1, null, null, "guid-1", "t", "", "",
                Instant.parse("2023-09-12T14:05:00Z"), PublishedSource.FIRST_SEEN,
                Instant.parse("2023-09-12T14:05:00Z"), null, null, null, null, "hash", null, null, null);
        JsonNode json = JSON.valueToTree(article);
        assertThat(json.get("language").isNull()).isTrue();
        assertThat(json.get("url").isNull()).isTrue();
        assertThat(json.get("publishedSource").asText()).isEqualTo("first-seen");
        assertThat(json.get("published").asText()).isEqualTo("2023-09-12T14:05:00Z");
        assertThat(json.get("authors").isArray()).isTrue();
        assertThat(json.get("authors")).isEmpty();
        assertThat(json.get("summaryHtml").asText()).isEmpty();
        assertThat(json.get("imageUrl").isNull()).isTrue();
        assertThat(json.get("enclosures").isArray()).isTrue();
    }
}
