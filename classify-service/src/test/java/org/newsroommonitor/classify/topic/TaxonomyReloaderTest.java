package org.newsroommonitor.classify.topic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled taxonomy by default; a configured file replaces it and is reloaded when its content changes. */
class TaxonomyReloaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);

    private static final String FLOODING = """
            version: "custom-1"
            topics:
              - id: flooding
                label: Flooding
                threshold: 1.0
                rules:
                  - name: flood
                    kind: terms
                    terms: [flood*, "river burst its banks"]
            """;

    private static final String FLOODING_AND_DROUGHT = FLOODING.replace("custom-1", "custom-2") + """
              - id: drought
                label: Drought
                threshold: 1.0
                rules:
                  - name: drought
                    kind: terms
                    terms: [drought]
            """;

    /** Line 14 is the rule 'drought.dry', whose weight is not a number. */
    private static final String BAD_WEIGHT = FLOODING.replace("custom-1", "custom-3") + """
              - id: drought
                label: Drought
                threshold: 1.0
                rules:
                  - name: dry
                    kind: terms
                    weight: lots
                    terms: [drought]
            """;

    @TempDir
    Path dir;

    @Test
    void usesTheBundledTaxonomyWithoutAFile() {
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.empty(), CLOCK)) {
            assertThat(reloader.current().classify("Blockade of the Lachin corridor", null, null).topicIds())
                    .containsExactly("blockade");
            assertThat(reloader.status().source()).isEqualTo("classpath:taxonomy/taxonomy.yaml");
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.UNCHANGED);
        }
    }

    @Test
    void usesTheConfiguredTaxonomyFile() {
        Path file = Path.of("src/test/resources/custom-taxonomy.yaml");
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.of(file), CLOCK)) {
            TopicClassifier classifier = reloader.current();
            assertThat(classifier.taxonomyVersion()).isEqualTo("custom-1");
            Classification result = classifier.classify("Floods cut off the aid convoy", null, null);
            assertThat(result.topicIds()).containsExactly("flooding");
            assertThat(result.topics().getFirst().matched()).containsExactly("Floods");
            assertThat(classifier.classify("Blockade of the Lachin corridor", null, null).topics()).isEmpty();
        }
    }

    @Test
    void aChangedFileIsReloadedAndAnUnchangedOneIsNot() throws IOException {
        Path file = write("taxonomy.yaml", FLOODING);
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.of(file), CLOCK)) {
            assertThat(reloader.current().classify("Severe drought", null, null).topics()).isEmpty();
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.UNCHANGED);

            Files.writeString(file, FLOODING_AND_DROUGHT);
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.RELOADED);

            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-2");
            assertThat(reloader.current().classify("Severe drought", null, null).topicIds()).containsExactly("drought");
            assertThat(reloader.status().failing()).isFalse();
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.UNCHANGED);
        }
    }

    @Test
    void aConfigMapStyleSymlinkSwapIsSeen() throws IOException {
        Path first = write("..2026_11_01/taxonomy.yaml", FLOODING);
        Path second = write("..2026_11_02/taxonomy.yaml", FLOODING_AND_DROUGHT);
        Path data = dir.resolve("..data");
        Files.createSymbolicLink(data, first.getParent().getFileName());
        Path file = Files.createSymbolicLink(dir.resolve("taxonomy.yaml"), Path.of("..data/taxonomy.yaml"));
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.of(file), CLOCK)) {
            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-1");
            Path swap = dir.resolve("..data_tmp");
            Files.createSymbolicLink(swap, second.getParent().getFileName());
            Files.move(swap, data, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.RELOADED);
            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-2");
        }
    }

    @Test
    void aBadFileIsRefusedWithTheRuleAndTheLineAndThePreviousRulesStayInForce() throws IOException {
        Path file = write("taxonomy.yaml", FLOODING);
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.of(file), CLOCK)) {
            Files.writeString(file, BAD_WEIGHT);

            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.REFUSED);

            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-1");
            assertThat(reloader.current().classify("Flooding in the valley", null, null).topicIds())
                    .containsExactly("flooding");
            TaxonomyReloader.Status status = reloader.status();
            assertThat(status.failing()).isTrue();
            assertThat(status.version()).isEqualTo("custom-1");
            assertThat(status.lastError())
                    .contains(file.toAbsolutePath().toString())
                    .contains("rule 'drought.dry' (line 14)")
                    .contains("lots");
            assertThat(status.lastErrorAt()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
            // the same bad content is not tried again
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.UNCHANGED);

            Files.writeString(file, FLOODING_AND_DROUGHT);
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.RELOADED);
            assertThat(reloader.status().failing()).isFalse();
            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-2");
        }
    }

    @Test
    void aRuleThatDoesNotCompileIsNamedWithItsLine() throws IOException {
        Path file = write("taxonomy.yaml", FLOODING);
        try (TaxonomyReloader reloader = TaxonomyReloader.start(Optional.of(file), CLOCK)) {
            // line 9 holds the rule 'flooding.flood'; "fl*" is a prefix shorter than 3 letters
            Files.writeString(file, FLOODING.replace("flood*", "fl*"));
            assertThat(reloader.check()).isEqualTo(TaxonomyReloader.Outcome.REFUSED);
            assertThat(reloader.status().lastError()).contains("rule 'flooding.flood' (line 7)").contains("'fl*'");
            assertThat(reloader.current().taxonomyVersion()).isEqualTo("custom-1");
        }
    }

    @Test
    void aBadFileAtStartUpFailsTheStartUpWithTheRuleAndTheLine() throws IOException {
        Path file = write("taxonomy.yaml", BAD_WEIGHT);
        assertThatThrownBy(() -> TaxonomyReloader.start(Optional.of(file), CLOCK))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'drought.dry' (line 14)");
        assertThatThrownBy(() -> TaxonomyReloader.start(Optional.of(dir.resolve("missing.yaml")), CLOCK))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("missing.yaml");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
