package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.gazetteer.OrganisationMention;
import org.newsroommonitor.classify.gazetteer.PlaceMention;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.classify.topic.TopicHit;
import org.newsroommonitor.classify.topic.TopicMatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The records read and write the examples of docs/messages, and the example article is classified as expected. */
class DocsExampleTest {

    private final ObjectMapper mapper = DocsExamples.mapper();

    @Test
    void articleExampleReadsIntoTheRecordAndBackUnchanged() throws Exception {
        JsonNode json = mapper.readTree(DocsExamples.read("article.json"));
        ArticleMessage article = mapper.treeToValue(json, ArticleMessage.class);

        assertThat(article.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
        assertThat(article.sources()).singleElement()
                .satisfies(source -> assertThat(source.name()).isEqualTo("Caucasus Wire"));
        assertThat(written(article)).isEqualTo(json);
    }

    @Test
    void classifiedArticleExampleReadsIntoTheRecordAndBackUnchanged() throws Exception {
        JsonNode json = mapper.readTree(DocsExamples.read("classified-article.json"));
        ClassifiedArticle classified = mapper.treeToValue(json, ClassifiedArticle.class);

        assertThat(classified.topics()).extracting(TopicMatch::id)
                .contains("humanitarian-aid", "blockade", "food-security");
        assertThat(classified.taxonomyVersion()).isEqualTo(org.newsroommonitor.classify.taxonomy.BundledTaxonomy.VERSION);
        assertThat(written(classified)).isEqualTo(json);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(DocsExamples.read("article.json"));
        json.put("someFutureField", "x");
        assertThat(mapper.treeToValue(json, ArticleMessage.class).id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
    }

    @Test
    void exampleArticleIsClassifiedWithTheHitsOfTheExample() throws Exception {
        ArticleMessage article = mapper.readValue(DocsExamples.read("article.json"), ArticleMessage.class);
        ClassifiedArticle example = mapper.readValue(DocsExamples.read("classified-article.json"), ClassifiedArticle.class);

        Classification result;
        try (TopicClassifier classifier = TopicClassifier.create(new TaxonomyLoader().loadBundled())) {
            result = classifier.classify(article.title(), article.summary(), article.text());
        }

        // "bread is rationed" also makes it a food-security article
        assertThat(result.topicIds()).contains("humanitarian-aid", "blockade", "food-security");
        assertThat(result.topics()).extracting(TopicMatch::score).allSatisfy(score -> assertThat(score).isBetween(0.5, 1.0));
        assertThat(result.taxonomyVersion()).isEqualTo(example.taxonomyVersion());
        // the example is exactly what the service produces for it
        assertThat(result.topics()).isEqualTo(example.topics());
        for (TopicMatch expected : example.topics()) {
            TopicMatch actual = result.topics().stream().filter(t -> t.id().equals(expected.id())).findFirst().orElseThrow();
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
        assertThat(entities.places()).extracting(PlaceMention::id, PlaceMention::count).containsExactly(
                tuple("nagorno-karabakh", 3), tuple("aghdam", 3), tuple("lachin-corridor", 2),
                tuple("stepanakert", 2));
        assertThat(entities.organisations()).extracting(OrganisationMention::id, OrganisationMention::count)
                .containsExactly(tuple("russian-red-cross", 3));
        assertThat(entities.places()).isEqualTo(example.places());
        assertThat(entities.organisations()).isEqualTo(example.organisations());

        ClassifiedArticle classified = ClassifiedArticle.of(article, result, entities,
                Instant.parse("2023-09-12T14:07:32Z"));
        JsonNode written = written(classified);
        JsonNode articleJson = mapper.readTree(DocsExamples.read("article.json"));
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
        assertThat(written).isEqualTo(mapper.readTree(DocsExamples.read("classified-article.json")));
    }

    /** The JSON as it goes on the wire, read back (so numbers compare by value, as in the example file). */
    private JsonNode written(Object message) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(message));
    }
}
