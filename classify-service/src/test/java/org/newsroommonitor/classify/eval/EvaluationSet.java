package org.newsroommonitor.classify.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The labelled evaluation texts, JSON Lines on the test class path ({@code eval/dev.jsonl}: tuned on;
 * {@code eval/heldout.jsonl}: written independently of the rules, not tuned on). See docs/EVALUATION.md.
 */
public enum EvaluationSet {
    DEV("eval/dev.jsonl"), HELD_OUT("eval/heldout.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String resource;

    EvaluationSet(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }

    /** Reads the texts; fails on a malformed line, naming it, or on a duplicate id. */
    public List<LabelledText> load() {
        InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("evaluation set " + resource + " not found on the class path");
        }
        List<LabelledText> texts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                LabelledText text;
                try {
                    text = JSON.readValue(line, LabelledText.class);
                } catch (IOException e) {
                    throw new IllegalStateException(resource + " line " + number + ": " + e.getMessage(), e);
                }
                if (!ids.add(text.id())) {
                    throw new IllegalStateException(resource + " line " + number + ": duplicate id " + text.id());
                }
                texts.add(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
