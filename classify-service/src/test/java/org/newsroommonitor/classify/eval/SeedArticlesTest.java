package org.newsroommonitor.classify.eval;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.BundledClassifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two seed articles (not in the repository: read by path from {@code newsroom.seeds.dir}, default
 * /work/shared/seeds; skipped when absent) get the topics the issue asks for. Title = first line, text = the rest.
 */
class SeedArticlesTest {

    private static final Path SEEDS = Path.of(System.getProperty("newsroom.seeds.dir", "/work/shared/seeds"));

    @RegisterExtension
    static final BundledClassifier classifier = new BundledClassifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "karabakh-flour-offer.txt;humanitarian-aid,blockade",
            "karabakh-russian-aid.txt;humanitarian-aid,blockade,food-security",
    })
    void seedArticleGetsItsTopics(String file, String expected) throws IOException {
        Path path = SEEDS.resolve(file);
        assumeTrue(Files.isRegularFile(path), "seed article " + path.toAbsolutePath()
                + " is not present (set -Dnewsroom.seeds.dir=<dir with the seed .txt files>); skipping");
        String content = Files.readString(path, StandardCharsets.UTF_8);
        int newline = content.indexOf('\n');
        String title = newline < 0 ? content : content.substring(0, newline);
        String text = newline < 0 ? "" : content.substring(newline + 1);

        Classification result = classifier.classify(title.strip(), null, text);

        assertThat(result.topicIds()).as("topics of %s: %s", file, result.topics())
                .containsAll(Arrays.asList(expected.split(",")));
    }
}
