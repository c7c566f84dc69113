package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.testing.DocsExamples;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSchemasTest {

    private static final MessageSchemas SCHEMAS = new MessageSchemas();

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("revision", "two");
        assertThat(SCHEMAS.problem(MessageType.ARTICLE, article)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("does not match the article schema v1: ").contains("/revision: string found, integer expected"));
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingIt() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.remove("title");
        assertThat(SCHEMAS.problem(MessageType.ARTICLE, article)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("title"));
    }

    @Test
    void aNewerVersionIsRefusedSayingWhichVersionIsRead() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("schemaVersion", 2);
        assertThat(SCHEMAS.problem(MessageType.ARTICLE, article))
                .contains("unsupported schemaVersion 2 (this service reads article version 1)");
    }

    @Test
    void anArticleWithoutVersionIsRefused() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.remove("schemaVersion");
        assertThat(SCHEMAS.problem(MessageType.ARTICLE, article))
                .contains("no schemaVersion (this service reads article version 1)");
    }

    @Test
    void alertsAndSubscriptionsWrittenBeforeTheVersionFieldAreRead() {
        ObjectNode alert = DocsExamples.json(MessageType.ALERT);
        alert.remove("schemaVersion");
        ObjectNode subscription = DocsExamples.json(MessageType.SUBSCRIPTION);
        subscription.remove("schemaVersion");
        assertThat(SCHEMAS.problem(MessageType.ALERT, alert)).isEmpty();
        assertThat(SCHEMAS.problem(MessageType.SUBSCRIPTION, subscription)).isEmpty();
    }

    @Test
    void unknownFieldsAreAllowed() {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("clusterId", "c-17");
        article.putObject("modelScores").put("humanitarian-aid", 0.93);
        assertThat(SCHEMAS.problem(MessageType.ARTICLE, article)).isEmpty();
    }

    @Test
    void aClassifiedArticleMustCarryTheArticleAndTheClassification() {
        ObjectNode classified = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE);
        classified.remove("topics");
        assertThat(SCHEMAS.problem(MessageType.CLASSIFIED_ARTICLE, classified))
                .contains("does not match the classified-article schema v1: required property 'topics' not found");
        ObjectNode noId = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE);
        noId.remove("id");
        assertThat(SCHEMAS.problem(MessageType.CLASSIFIED_ARTICLE, noId)).hasValueSatisfying(reason ->
                assertThat(reason).contains("id"));
    }

    @Test
    void aClassifiedArticleWrittenBeforePlacesAndOrganisationsExistedIsRead() {
        ObjectNode classified = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE);
        classified.remove("places");
        classified.remove("organisations");
        assertThat(SCHEMAS.problem(MessageType.CLASSIFIED_ARTICLE, classified)).isEmpty();
        assertThat(ClassifiedArticle.read(Messages.mapper(), classified).classification().places()).isEmpty();
    }

    @Test
    void notAnObjectIsRefused() {
        assertThat(SCHEMAS.problem(MessageType.ALERT, TextNode.valueOf("alert"))).contains("not a JSON object");
        assertThat(SCHEMAS.problem(MessageType.ALERT, null)).contains("not a JSON object");
    }
}
