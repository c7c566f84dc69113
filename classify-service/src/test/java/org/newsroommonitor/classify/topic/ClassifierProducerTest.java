package org.newsroommonitor.classify.topic;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.config.ClassifyConfig;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** newsroom.classify.taxonomy-file replaces the bundled taxonomy. */
class ClassifierProducerTest {

    @Test
    void usesTheBundledTaxonomyByDefault() {
        ClassifyConfig config = Optional::empty;
        try (TopicClassifier classifier = new ClassifierProducer(config).classifier()) {
            assertThat(classifier.taxonomyVersion()).isEqualTo("2026.11.1");
            assertThat(classifier.classify("Blockade of the Lachin corridor", null, null).topicIds())
                    .containsExactly("blockade");
        }
    }

    @Test
    void usesTheConfiguredTaxonomyFile() {
        ClassifyConfig config = () -> Optional.of(Path.of("src/test/resources/custom-taxonomy.yaml"));
        try (TopicClassifier classifier = new ClassifierProducer(config).classifier()) {
            assertThat(classifier.taxonomyVersion()).isEqualTo("custom-1");
            Classification result = classifier.classify("Floods cut off the aid convoy", null, null);
            assertThat(result.topicIds()).containsExactly("flooding");
            assertThat(result.topics().getFirst().matched()).containsExactly("Floods");
            assertThat(classifier.classify("Blockade of the Lachin corridor", null, null).topics()).isEmpty();
        }
    }
}
