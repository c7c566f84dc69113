package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Topic;
import org.newsroommonitor.messages.TopicHit;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The example article of docs/messages is classified exactly as the example classified article says (the records and
 * the schema are checked against the examples in the messages module).
 */
class DocsExampleTest {

    private final ObjectMapper mapper = Messages.mapper();

    @Test
    void exampleArticleIsClassifiedWithTheHitsOfTheExample() throws Exception {
        Article article = mapper.readValue(DocsExamples.text(MessageType.ARTICLE), Article.class);
        ArticleClassification example = ClassifiedArticle.read(mapper, DocsExamples.json(MessageType.CLASSIFIED_ARTICLE))
                .classification();

        Classification result;
        try (TopicClassifier classifier = TopicClassifier.create(new TaxonomyLoader().loadBundled())) {
            result = classifier.classify(article.title(), article.summary(), article.text());
        }

        // "bread is rationed" also makes it a food-security article
        assertThat(result.topicIds()).contains("humanitarian-aid", "blockade", "food-security");
        assertThat(result.topics()).extracting(Topic::score).allSatisfy(score -> assertThat(score).isBetween(0.5, 1.0));
        assertThat(result.taxonomyVersion()).isEqualTo(example.taxonomyVersion());
        // the example is exactly what the service produces for it
        assertThat(result.topics()).isEqualTo(example.topics());
        for (Topic expected : example.topics()) {
            Topic actual = result.topics().stream().filter(t -> t.id().equals(expected.id())).findFirst().orElseThrow();
            assertThat(actual.matched()).containsAll(expected.matched());
            assertThat(actual.hits()).extracting(TopicHit::term, TopicHit::field, TopicHit::start, TopicHit::end)
                    .containsAll(expected.hits().stream()
                            .map(hit -> tuple(hit.term(), hit.field(), hit.start(), hit.end())).toList());
        }
        List<String> ruleIds = new ArrayList<>();
        result.topics().forEach(topic -> topic.hits().forEach(hit -> ruleIds.add(hit.rule())));
        assertThat(ruleIds).contains("blockade.blockade", "humanitarian-aid.relief-agency",
                "humanitarian-aid.relief-supplies", "humanitarian-aid.aid-vehicle", "food-security.rationing");

        Entities entities;
        try (EntityExtractor extractor = EntityExtractor.create(new GazetteerLoader().loadBundled())) {
            entities = extractor.extract(article.title(), article.summary(), article.text());
        }
        assertThat(entities.places()).extracting(Place::id, Place::count).containsExactly(
                tuple("nagorno-karabakh", 3), tuple("aghdam", 3), tuple("lachin-corridor", 2),
                tuple("stepanakert", 2));
        assertThat(entities.organisations()).extracting(Organisation::id, Organisation::count)
                .containsExactly(tuple("russian-red-cross", 3));
        assertThat(entities.places()).isEqualTo(example.places());
        assertThat(entities.organisations()).isEqualTo(example.organisations());

        ClassifiedArticle classified = ClassifiedArticle.of(mapper, DocsExamples.json(MessageType.ARTICLE),
                new ArticleClassification(result.topics(), entities.places(), entities.organisations(),
                        result.taxonomyVersion(), Instant.parse("2023-09-12T14:07:32Z")));
        JsonNode written = written(classified.json());
        JsonNode articleJson = DocsExamples.json(MessageType.ARTICLE);
        articleJson.fieldNames().forEachRemaining(field ->
                assertThat(written.get(field)).as(field).isEqualTo(articleJson.get(field)));
        assertThat(written.get("classifiedAt").asText()).isEqualTo("2023-09-12T14:07:32Z");
        assertThat(written.get("topics").get(0).get("hits").get(0).fieldNames())
                .toIterable().containsExactly("rule", "term", "field", "start", "end");
        assertThat(written.get("places").get(0).fieldNames())
                .toIterable().containsExactly("id", "name", "country", "lat", "lon", "count");
        assertThat(written.get("organisations").get(0).fieldNames())
                .toIterable().containsExactly("id", "name", "count");
        // the whole example is exactly what the service writes for the example article
        assertThat(written).isEqualTo(DocsExamples.json(MessageType.CLASSIFIED_ARTICLE));
        assertThat(new MessageSchemas().problem(MessageType.CLASSIFIED_ARTICLE, written)).isEmpty();
    }

    /** The JSON as it goes on the wire, read back (so numbers compare by value, as in the example file). */
    private JsonNode written(Object message) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(message));
    }
}
