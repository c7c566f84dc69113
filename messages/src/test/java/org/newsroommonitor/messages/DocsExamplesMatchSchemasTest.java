package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsroommonitor.messages.testing.DocsExamples;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in docs/messages are valid messages, and the records read and write them without loss. */
class DocsExamplesMatchSchemasTest {

    private static final ObjectMapper MAPPER = Messages.mapper();
    private static final MessageSchemas SCHEMAS = new MessageSchemas();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyExampleIsValidAgainstItsSchema(MessageType type) {
        assertThat(SCHEMAS.problem(type, DocsExamples.json(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"ARTICLE", "SUBSCRIPTION", "ALERT"})
    void theRecordWritesBackExactlyTheExample(MessageType type) throws Exception {
        JsonNode example = DocsExamples.json(type);
        Class<?> record = switch (type) {
            case ARTICLE -> Article.class;
            case SUBSCRIPTION -> Subscription.class;
            case ALERT -> Alert.class;
            default -> throw new IllegalArgumentException(type.name());
        };
        String written = MAPPER.writeValueAsString(MAPPER.treeToValue(example, record));
        assertThat(MAPPER.readTree(written)).isEqualTo(example);
        assertThat(written).as("same fields in the same order").isEqualTo(MAPPER.writeValueAsString(example));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"ARTICLE", "SUBSCRIPTION", "ALERT"})
    void theExampleIsTheCurrentVersion(MessageType type) {
        assertThat(DocsExamples.json(type).get(MessageType.VERSION_FIELD).asInt()).isEqualTo(type.version());
    }

    @org.junit.jupiter.api.Test
    void theClassifiedExampleIsTheArticleExamplePlusTheClassification() {
        ObjectNode classified = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE);
        ClassifiedArticle read = ClassifiedArticle.read(MAPPER, classified);
        ClassifiedArticle rebuilt = ClassifiedArticle.of(MAPPER, DocsExamples.json(MessageType.ARTICLE),
                read.classification());
        assertThat(rebuilt.json()).isEqualTo(classified);
        assertThat(read.classification().topicIds()).startsWith("humanitarian-aid");
    }
}
