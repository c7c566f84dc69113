package org.newsroommonitor.classify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Articles about humanitarian crises, made of the project's own labelled evaluation texts
 * ({@code classify-service/src/test/resources/eval/*.jsonl}: news leads, title and first paragraph, about aid,
 * blockades, shortages, fighting, ... and hard negatives): each article takes one text's title and paragraph as
 * title and summary, and as text that paragraph followed by the paragraphs of eight other texts, drawn with a
 * fixed seed. So every paragraph is written news prose, and the articles are about as long as real ones and far
 * denser in crisis vocabulary than the general news of the feeds workload.
 */
final class CrisisArticles {

    private static final int PARAGRAPHS = 8;

    private CrisisArticles() {
    }

    /** @throws IllegalStateException when the evaluation texts are not found */
    static List<SyntheticNews.Article> load(Path evalDirectory, int count) {
        List<String[]> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : new String[]{"dev.jsonl", "heldout.jsonl"}) {
            Path path = evalDirectory.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("evaluation texts not found at " + path.toAbsolutePath()
                        + " (system property eval): the crisis workload is skipped");
            }
            try {
                for (String line : Files.readAllLines(path)) {
                    if (!line.isBlank()) {
                        JsonNode text = json.readTree(line);
                        texts.add(new String[]{text.path("title").asText(), text.path("text").asText()});
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        Random random = new Random(42);
        List<SyntheticNews.Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] lead = texts.get(i % texts.size());
            StringBuilder body = new StringBuilder(lead[1]);
            for (int p = 0; p < PARAGRAPHS; p++) {
                body.append("\n\n").append(texts.get(random.nextInt(texts.size()))[1]);
            }
            articles.add(new SyntheticNews.Article(lead[0], lead[1], body.toString()));
        }
        return articles;
    }
}
