package org.newsroommonitor.search.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import static org.assertj.core.api.Assertions.assertThat;

/** What this service refuses to index beyond the schema (the schema itself is tested in the messages module). */
class ClassifiedArticleTest {

    private static final ObjectMapper MAPPER = Messages.mapper();

    @Test
    void theDocsExampleCanBeIndexed() {
        ClassifiedArticle example = ClassifiedArticle.read(MAPPER, DocsExamples.json(MessageType.CLASSIFIED_ARTICLE));
        assertThat(ClassifiedArticleConsumer.unindexable(example)).isNull();
    }

    @Test
    void anIdLongerThanElasticsearchAcceptsIsRefusedWithItsLength() {
        ObjectNode json = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE);
        json.put("id", "ж".repeat(257));
        assertThat(ClassifiedArticleConsumer.unindexable(ClassifiedArticle.read(MAPPER, json)))
                .isEqualTo("id of 514 bytes, longer than Elasticsearch's 512");
        json.put("id", "x".repeat(512));
        assertThat(ClassifiedArticleConsumer.unindexable(ClassifiedArticle.read(MAPPER, json))).isNull();
    }
}
