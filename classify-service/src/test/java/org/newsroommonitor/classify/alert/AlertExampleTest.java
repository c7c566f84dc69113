package org.newsroommonitor.classify.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.subscription.SubscriptionMatch;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.Topic;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/messages/alert.json is what the service raises for the example article and the example subscription. */
class AlertExampleTest {

    private final ObjectMapper mapper = Messages.mapper();

    @Test
    void alertExampleIsWhatTheServiceRaisesForTheExamples() throws Exception {
        Article article = mapper.readValue(DocsExamples.text(MessageType.ARTICLE), Article.class);
        Subscription subscription = mapper.readValue(DocsExamples.text(MessageType.SUBSCRIPTION), Subscription.class);
        JsonNode expected = mapper.readTree(DocsExamples.text(MessageType.ALERT));

        var taxonomy = new TaxonomyLoader().loadBundled();
        try (TopicClassifier classifier = TopicClassifier.create(taxonomy);
             EntityExtractor extractor = EntityExtractor.create(new GazetteerLoader().loadBundled());
             SubscriptionMatcher matcher = new SubscriptionMatcher()) {
            matcher.put(subscription);
            Classification classification = classifier.classify(article.title(), article.summary(), article.text());
            Entities entities = extractor.extract(article.title(), article.summary(), article.text());
            ClassifiedArticle classified = ClassifiedArticle.of(mapper, DocsExamples.json(MessageType.ARTICLE),
                    new ArticleClassification(classification.topics(), entities.places(), entities.organisations(),
                            classification.taxonomyVersion(), Instant.parse("2023-09-12T14:07:32Z")));
            List<SubscriptionMatch> matches = matcher.match(article.title(), article.summary(), article.text(),
                    classification.topics().stream().map(Topic::id).collect(Collectors.toSet()),
                    entities.places().stream().map(Place::id).collect(Collectors.toSet()));

            List<AlertPublisher.Outgoing> alerts = AlertPublisher.alerts(classified, matches, classifier.taxonomy(),
                    Set.of("blockade"));

            assertThat(alerts).hasSize(2);
            AlertPublisher.Outgoing saved = alerts.getFirst();
            assertThat(saved.topic()).isNull(); // the channel's topic, news.alerts
            assertThat(saved.key()).isEqualTo(subscription.id());
            assertThat((JsonNode) mapper.valueToTree(saved.alert())).isEqualTo(expected);
            assertThat(mapper.treeToValue(expected, Alert.class)).isEqualTo(saved.alert());

            AlertPublisher.Outgoing topic = alerts.get(1);
            assertThat(topic.topic()).isEqualTo("news.alerts.blockade");
            assertThat(topic.key()).isEqualTo(article.id());
            assertThat(topic.alert().subscriptionId()).isEqualTo("topic:blockade");
            assertThat(topic.alert().subscriptionName()).isEqualTo(taxonomy.topic("blockade").orElseThrow().label());
            assertThat(topic.alert().matched()).isEqualTo(classification.topics().stream()
                    .filter(t -> t.id().equals("blockade")).findFirst().orElseThrow().matched());
        }
    }
}
