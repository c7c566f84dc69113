package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
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
        assertThat((JsonNode) mapper.valueToTree(article)).isEqualTo(json);
    }

    @Test
    void classifiedArticleExampleReadsIntoTheRecordAndBackUnchanged() throws Exception {
        JsonNode json = mapper.readTree(DocsExamples.read("classified-article.json"));
        ClassifiedArticle classified = mapper.treeToValue(json, ClassifiedArticle.class);

        assertThat(classified.topics()).extracting(TopicMatch::id)
                .containsExactly("blockade", "humanitarian-aid", "food-security");
        assertThat(classified.taxonomyVersion()).isEqualTo("2026.11.1");
        assertThat((JsonNode) mapper.valueToTree(classified)).isEqualTo(json);
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
        assertThat(result.topicIds()).containsExactly("blockade", "humanitarian-aid", "food-security");
        assertThat(result.topics()).extracting(TopicMatch::score).containsExactly(0.79, 0.7, 0.5);
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

        ClassifiedArticle classified = ClassifiedArticle.of(article, result, Instant.parse("2023-09-12T14:07:32Z"));
        JsonNode written = mapper.valueToTree(classified);
        JsonNode articleJson = mapper.readTree(DocsExamples.read("article.json"));
        articleJson.fieldNames().forEachRemaining(field ->
                assertThat(written.get(field)).as(field).isEqualTo(articleJson.get(field)));
        assertThat(written.get("classifiedAt").asText()).isEqualTo("2023-09-12T14:07:32Z");
        assertThat(written.get("topics").get(0).get("hits").get(0).fieldNames())
                .toIterable().containsExactly("rule", "term", "field", "start", "end");
    }
}
