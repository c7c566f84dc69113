package org.newsroommonitor.classify.eval.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the texts of public corpora by key, as the labels of the real-news set name them:
 * {@code <folder>/<file>#<row>} under {@code ../shared/corpora/news-text} (rows counted from 1, after the header
 * where the file has one), and {@code extra:<folder>/<file>#<row>} under the directory the extra corpora were
 * fetched to (see {@code classify-service/eval/fetch-extra-corpora.sh}). The project stores keys and labels, never
 * the texts: they are read here, from where their owners published them.
 *
 * <p>Each corpus format is read as published: CSV with quotes, TSV without quoting (the tweet files), JSON, JSON
 * Lines. The humanitarian report excerpts are split into paragraphs at blank lines ({@code #<doc>/p<paragraph>},
 * whitespace collapsed, paragraphs of at least {@value #MIN_PARAGRAPH} characters).
 */
public final class CorpusTexts {

    /** A text: the title (empty when the corpus has none) and the body. */
    public record Text(String title, String text) {
    }

    static final String EXTRA_PREFIX = "extra:";
    static final int MIN_PARAGRAPH = 120;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final Path shared;
    private final Path extra;
    private final Map<String, Map<String, Text>> files = new HashMap<>();

    /**
     * @param shared the {@code news-text} folder of the shared corpora
     * @param extra  the folder of the extra corpora, or null when they were not fetched
     */
    public CorpusTexts(Path shared, Path extra) {
        this.shared = shared;
        this.extra = extra;
    }

    /** Whether the text of this key can be read here (an extra corpus may not have been fetched). */
    public boolean available(String key) {
        return !key.startsWith(EXTRA_PREFIX) || (extra != null && Files.isRegularFile(file(key)));
    }

    /** The text of a key; empty when its corpus is not here. */
    public Optional<Text> text(String key) {
        if (!available(key)) {
            return Optional.empty();
        }
        String relative = relative(key);
        String file = relative.substring(0, relative.indexOf('#'));
        String row = relative.substring(relative.indexOf('#') + 1);
        Map<String, Text> rows = files.computeIfAbsent(file, f -> read(f, file(key)));
        Text text = rows.get(row);
        if (text == null) {
            throw new IllegalStateException("no row " + row + " in " + file(key));
        }
        return Optional.of(text);
    }

    private Path file(String key) {
        String relative = relative(key);
        Path base = key.startsWith(EXTRA_PREFIX) ? extra : shared;
        return base.resolve(relative.substring(0, relative.indexOf('#')));
    }

    private static String relative(String key) {
        return key.startsWith(EXTRA_PREFIX) ? key.substring(EXTRA_PREFIX.length()) : key;
    }

    private static Map<String, Text> read(String name, Path file) {
        try {
            String folder = name.substring(0, name.indexOf('/'));
            return switch (folder) {
                case "ag_news_train_sample_world_scitech" -> csv(file, false, rowValues -> new Text("", rowValues.get(0)));
                case "disaster_response_messages_validation" -> csvWithHeader(file, ',', '"', row -> new Text("", row.get("message")));
                case "cresci_it" -> csvWithHeader(file, ',', '"', row -> new Text("", row.get("text")));
                case "crisisnlp_lrec2016_crowdflower", "humaid_events_set1_train_dev" ->
                        tsvPlain(file, rowValues -> new Text("", rowValues.get(1)));
                case "sib200_train_dev_8lang", "sib200_hye_azj" -> tsvPlain(file, rowValues -> new Text("", rowValues.get(2)));
                case "masakhanews_dev_fra_eng" -> csvWithHeader(file, '\t', '"',
                        row -> new Text(row.get("headline"), row.get("text")));
                case "huffpost_news_category_v3_head" -> jsonLines(file,
                        o -> new Text(o.path("headline").asText(), o.path("short_description").asText()));
                case "idrisi_ar" -> jsonLines(file, o -> new Text("", o.path("text").asText()));
                case "fwd_news_headlines_2021_2022" -> jsonArray(file, o -> new Text(o.path("title").asText(), ""));
                case "telegram_ru" -> jsonArray(file, o -> new Text("", o.path("text").asText("")));
                case "humset_toponyms" -> humsetParagraphs(file);
                default -> throw new IllegalArgumentException("unknown corpus " + folder);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RowMapper<T> {
        Text map(T row);
    }

    /** CSV with RFC 4180 quoting, rows as value lists. */
    private static Map<String, Text> csv(Path file, boolean header, RowMapper<List<String>> mapper) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"');
        return rows(CSV.readerFor(List.class).with(schema).readValues(file.toFile()), header, mapper);
    }

    /** Tab-separated values without any quoting (the tweet files), header skipped, rows as value lists. */
    private static Map<String, Text> tsvPlain(Path file, RowMapper<List<String>> mapper) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar().withoutEscapeChar();
        return rows(CSV.readerFor(List.class).with(schema).readValues(file.toFile()), true, mapper);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Text> rows(MappingIterator<List> values, boolean header, RowMapper<List<String>> mapper)
            throws IOException {
        Map<String, Text> rows = new HashMap<>();
        try (values) {
            if (header && values.hasNext()) {
                values.next();
            }
            int row = 0;
            while (values.hasNext()) {
                rows.put(String.valueOf(++row), mapper.map((List<String>) values.next()));
            }
        }
        return rows;
    }

    /** CSV or TSV with a header and quoting, rows as maps by column name. */
    private static Map<String, Text> csvWithHeader(Path file, char separator, char quote,
                                                   RowMapper<Map<String, String>> mapper) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator).withQuoteChar(quote);
        Map<String, Text> rows = new HashMap<>();
        try (MappingIterator<Map<String, String>> values = new CsvMapper().readerFor(Map.class).with(schema)
                .readValues(file.toFile())) {
            int row = 0;
            while (values.hasNext()) {
                rows.put(String.valueOf(++row), mapper.map(values.next()));
            }
        }
        return rows;
    }

    private static Map<String, Text> jsonLines(Path file, RowMapper<JsonNode> mapper) throws IOException {
        Map<String, Text> rows = new HashMap<>();
        int row = 0;
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.put(String.valueOf(++row), mapper.map(JSON.readTree(line)));
            }
        }
        return rows;
    }

    private static Map<String, Text> jsonArray(Path file, RowMapper<JsonNode> mapper) throws IOException {
        Map<String, Text> rows = new HashMap<>();
        int row = 0;
        for (JsonNode element : JSON.readTree(file.toFile())) {
            rows.put(String.valueOf(++row), mapper.map(element));
        }
        return rows;
    }

    private static Map<String, Text> humsetParagraphs(Path file) throws IOException {
        Map<String, Text> rows = new HashMap<>();
        int doc = 0;
        for (JsonNode document : JSON.readTree(file.toFile())) {
            doc++;
            int paragraph = 0;
            for (String part : document.path("text").asText().split("(?U)\\n\\s*\\n")) {
                String collapsed = String.join(" ", Arrays.stream(part.split("(?U)\\s+"))
                        .filter(word -> !word.isEmpty()).toList());
                if (collapsed.codePointCount(0, collapsed.length()) >= MIN_PARAGRAPH) {
                    rows.put(doc + "/p" + (++paragraph), new Text("", collapsed));
                }
            }
        }
        return rows;
    }

    /** Every key of a list that exists here, in order. */
    public List<String> availableOf(List<String> keys) {
        List<String> available = new ArrayList<>();
        for (String key : keys) {
            if (available(key)) {
                available.add(key);
            }
        }
        return available;
    }
}
