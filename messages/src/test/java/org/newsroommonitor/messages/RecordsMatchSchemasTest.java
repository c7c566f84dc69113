package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas are the definition; the records are their Java view. A field added to one and not the other fails
 * here, so the two cannot drift apart.
 */
class RecordsMatchSchemasTest {

    @Test
    void articleRecordHasExactlyTheSchemaProperties() throws IOException {
        JsonNode schema = schema(MessageType.ARTICLE);
        assertThat(components(Article.class)).isEqualTo(names(schema.get("properties")));
        assertThat(components(ArticleSource.class)).isEqualTo(names(schema.at("/$defs/source/properties")));
        assertThat(components(Enclosure.class)).isEqualTo(names(schema.at("/$defs/enclosure/properties")));
    }

    @Test
    void classificationRecordHasExactlyTheFieldsClassifyAdds() throws IOException {
        JsonNode schema = schema(MessageType.CLASSIFIED_ARTICLE);
        assertThat(components(ArticleClassification.class)).isEqualTo(names(schema.get("properties")));
        assertThat(components(Topic.class)).isEqualTo(names(schema.at("/$defs/topic/properties")));
        assertThat(components(TopicHit.class)).isEqualTo(names(schema.at("/$defs/hit/properties")));
        assertThat(components(TopicEvidence.class)).isEqualTo(names(schema.at("/$defs/evidence/properties")));
        assertThat(components(Place.class)).isEqualTo(names(schema.at("/$defs/place/properties")));
        assertThat(components(Organisation.class)).isEqualTo(names(schema.at("/$defs/organisation/properties")));
    }

    @Test
    void subscriptionAndAlertRecordsHaveExactlyTheSchemaProperties() throws IOException {
        assertThat(components(Subscription.class)).isEqualTo(names(schema(MessageType.SUBSCRIPTION).get("properties")));
        assertThat(components(Alert.class)).isEqualTo(names(schema(MessageType.ALERT).get("properties")));
    }

    @Test
    void noFieldOfTheArticleIsOwnedByClassify() throws IOException {
        List<String> article = names(schema(MessageType.ARTICLE).get("properties"));
        assertThat(components(ArticleClassification.class)).doesNotContainAnyElementsOf(article);
    }

    private static JsonNode schema(MessageType type) throws IOException {
        try (InputStream in = MessageSchemas.class.getClassLoader()
                .getResourceAsStream(type.schemaResource(type.version()))) {
            assertThat(in).as(type.schemaResource(type.version())).isNotNull();
            return Messages.mapper().readTree(in);
        }
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
