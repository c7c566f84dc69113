package org.newsroommonitor.classify.eval.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The real-news set: labels of public texts written by others ({@code eval/real/labels.jsonl}, one line per text,
 * keyed by source and row), joined with the texts read from the corpora ({@link CorpusTexts}). Each label line
 * carries the first 12 hex digits of the SHA-256 of {@code title + "\n" + text}: a text that no longer matches
 * (a corpus changed under its path) stops the run instead of being evaluated against another text's labels.
 *
 * <p>Texts of the extra corpora are only there when they were fetched
 * ({@code classify-service/eval/fetch-extra-corpora.sh}); {@link #missing()} counts those left out.
 */
public final class RealNewsSet {

    /** The label file, a class-path resource of the tests. */
    public static final String LABELS = "/eval/real/labels.jsonl";
    /** Environment variable naming the folder of the extra corpora (default: {@code local-data/corpora}). */
    public static final String EXTRA_CORPORA_ENV = "NEWSROOM_EXTRA_CORPORA";

    /**
     * One labelled text.
     *
     * @param key      {@code <folder>/<file>#<row>}, or {@code extra:...} for an extra corpus
     * @param split    {@code dev} (tuned and trained on) or {@code heldout} (measured once per round)
     * @param kind     message, headline, news, sentence, article, report or post
     * @param category the source's own category of the text (a section, a class label), or null
     * @param sample   how the text was drawn (random, a keyword stratum, ...; docs/EVALUATION.md)
     * @param topics   the final labels (the two annotators' agreement, or the adjudicated set)
     * @param first    the first annotator's labels
     * @param second   the second annotator's labels
     */
    public record Text(String key, String split, String lang, String kind, String category, String sample,
                       String title, String text, Set<String> topics, Set<String> first, Set<String> second) {

        public boolean heldOut() {
            return "heldout".equals(split);
        }

        public boolean extra() {
            return key.startsWith(CorpusTexts.EXTRA_PREFIX);
        }

        /** The corpus folder, e.g. {@code humaid_events_set1_train_dev}. */
        public String corpus() {
            String relative = extra() ? key.substring(CorpusTexts.EXTRA_PREFIX.length()) : key;
            return relative.substring(0, relative.indexOf('/'));
        }
    }

    private final List<Text> texts;
    private final int missing;

    private RealNewsSet(List<Text> texts, int missing) {
        this.texts = List.copyOf(texts);
        this.missing = missing;
    }

    /** The set with the corpora where this repository expects them. */
    public static RealNewsSet load() {
        return load(Corpora.newsText(), Corpora.extra());
    }

    public static RealNewsSet load(Path newsText, Path extra) {
        CorpusTexts corpora = new CorpusTexts(newsText, extra);
        ObjectMapper json = new ObjectMapper();
        List<Text> texts = new ArrayList<>();
        int missing = 0;
        try (InputStream in = RealNewsSet.class.getResourceAsStream(LABELS)) {
            if (in == null) {
                throw new IllegalStateException(LABELS + " not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode label = json.readTree(line);
                String key = label.path("key").asText();
                var text = corpora.text(key);
                if (text.isEmpty()) {
                    missing++;
                    continue;
                }
                String title = text.get().title();
                String body = text.get().text();
                String sha = sha(title + "\n" + body);
                if (!sha.startsWith(label.path("sha").asText())) {
                    throw new IllegalStateException("the text of " + key + " is not the one labelled (sha " + sha
                            + ", labelled " + label.path("sha").asText() + ")");
                }
                texts.add(new Text(key, label.path("split").asText(), label.path("lang").asText(),
                        label.path("kind").asText(), label.hasNonNull("category") ? label.get("category").asText() : null,
                        label.path("sample").asText(), title, body, set(label.path("topics")), set(label.path("a")),
                        set(label.path("b"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RealNewsSet(texts, missing);
    }

    public List<Text> texts() {
        return texts;
    }

    public List<Text> texts(Predicate<Text> filter) {
        return texts.stream().filter(filter).toList();
    }

    public List<Text> dev() {
        return texts(t -> !t.heldOut());
    }

    public List<Text> heldOut() {
        return texts(Text::heldOut);
    }

    /** Labelled texts whose corpus is not here (an extra corpus not fetched). */
    public int missing() {
        return missing;
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return Set.copyOf(values);
    }

    static String sha(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the corpora are. */
    public static final class Corpora {

        private Corpora() {
        }

        /** {@code ../shared/corpora/news-text} beside the repository. */
        public static Path newsText() {
            return repoRoot().resolve("../shared/corpora/news-text").normalize();
        }

        /** {@code $NEWSROOM_EXTRA_CORPORA}, else {@code local-data/corpora} in the repository. */
        public static Path extra() {
            String configured = System.getenv(EXTRA_CORPORA_ENV);
            return configured != null && !configured.isBlank() ? Path.of(configured)
                    : repoRoot().resolve("local-data/corpora");
        }

        static Path repoRoot() {
            String root = System.getProperty("newsroom.repo.root");
            if (root != null && Files.isDirectory(Path.of(root, "classify-service"))) {
                return Path.of(root);
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("classify-service"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("repository root not found");
        }
    }
}
