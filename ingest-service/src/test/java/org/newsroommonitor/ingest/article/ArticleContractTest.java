package org.newsroommonitor.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ingest-service writes follows the wire contract (the record and the schema themselves are tested in the
 * messages module): the example's id and hash are what ingest computes, and an article with the optional fields
 * missing is still valid.
 */
class ArticleContractTest {

    private static final ObjectMapper JSON = Messages.mapper();

    @Test
    void theIdAndHashesOfTheDocsExampleFollowTheContract() throws Exception {
        Article article = JSON.readValue(DocsExamples.text(MessageType.ARTICLE), Article.class);
        assertThat(UrlCanonicalizer.canonicalize(article.url())).isEqualTo(article.canonicalUrl());
        assertThat(ArticleId.ofCanonicalUrl(article.canonicalUrl())).isEqualTo(article.id());
        assertThat(ArticleRevisions.contentHashOf(article.title(), article.summary(), article.text()))
                .isEqualTo(article.contentHash());
    }

    @Test
    void anArticleWithoutLinkLanguageOrImageIsStillAValidMessage() throws Exception {
        Article article = new Article(1, "id", 1, null, null, "guid-1", "t", "", "",
                Instant.parse("2023-09-12T14:05:00Z"), Article.FIRST_SEEN,
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
        assertThat(new MessageSchemas().problem(MessageType.ARTICLE, json)).isEmpty();
    }
}
