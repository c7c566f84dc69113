package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The explicit mapping of the article index ({@code dynamic: strict}: a document with a field not listed here is
 * rejected, so the index never grows fields by accident). One document per article id; the document is the
 * classified article as it arrived on {@code news.classified}.
 *
 * <p>The full-text fields {@code title}, {@code summary} and {@code text} use the language analyzer given to
 * {@link #indexBody} ({@code english} on clusters with the analysis-common module, {@code standard} otherwise) and
 * always have an {@code .exact} sub-field with the {@code standard} analyzer, which quoted phrases are matched
 * against (no stemming inside a phrase). {@code title.keyword} allows sorting and aggregating by title.
 */
public final class ArticleIndexMapping {

    public static final String ENGLISH = "english";
    public static final String STANDARD = "standard";
    /** Suffix of the sub-field phrase queries use ({@code title.exact}, ...). */
    public static final String EXACT_SUFFIX = ".exact";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ArticleIndexMapping() {
    }

    /** Body of the create-index request: settings, mappings and the alias (as the write index). */
    public static ObjectNode indexBody(String textAnalyzer, int shards, int replicas, String alias) {
        ObjectNode body = JSON.objectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("number_of_replicas", replicas);
        body.set("mappings", mappings(textAnalyzer));
        body.putObject("aliases").putObject(alias).put("is_write_index", true);
        return body;
    }

    public static ObjectNode mappings(String textAnalyzer) {
        Objects.requireNonNull(textAnalyzer, "textAnalyzer");
        ObjectNode mappings = JSON.objectNode();
        mappings.put("dynamic", "strict");
        ObjectNode p = mappings.putObject("properties");
        p.set("schemaVersion", type("integer"));
        p.set("id", type("keyword"));
        p.set("revision", type("long"));
        p.set("url", keyword());
        p.set("canonicalUrl", keyword());
        p.set("guid", keyword());
        p.set("title", fullText(textAnalyzer, true));
        p.set("summary", fullText(textAnalyzer, false));
        p.set("text", fullText(textAnalyzer, false));
        p.set("published", type("date"));
        p.set("publishedSource", type("keyword"));
        p.set("firstSeen", type("date"));
        p.set("language", type("keyword"));
        p.set("authors", keyword());
        p.set("categories", keyword());

        ObjectNode sources = p.putObject("sources");
        sources.put("type", "object");
        ObjectNode sp = sources.putObject("properties");
        sp.set("feedUrl", keyword());
        sp.set("name", keyword());
        sp.set("siteUrl", keyword());

        p.set("contentHash", type("keyword").put("index", false));

        // nested keeps id/score/matched of one topic together (for "topic X with score > s" later);
        // include_in_parent also indexes them flat, so a plain term query on topics.id works.
        ObjectNode topics = p.putObject("topics");
        topics.put("type", "nested");
        topics.put("include_in_parent", true);
        ObjectNode tp = topics.putObject("properties");
        tp.set("id", type("keyword"));
        tp.set("score", type("float"));
        tp.set("matched", keyword());
        // The rule hits (offsets per field) are kept in _source for highlighting in the UI, not indexed.
        tp.putObject("hits").put("type", "object").put("enabled", false);

        p.set("taxonomyVersion", type("keyword"));
        p.set("classifiedAt", type("date"));
        return mappings;
    }

    private static ObjectNode fullText(String analyzer, boolean withKeyword) {
        ObjectNode field = type("text").put("analyzer", analyzer);
        ObjectNode fields = field.putObject("fields");
        fields.set(EXACT_SUFFIX.substring(1), type("text").put("analyzer", STANDARD));
        if (withKeyword) {
            fields.set("keyword", keyword());
        }
        return field;
    }

    private static ObjectNode keyword() {
        return type("keyword").put("ignore_above", 2048);
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }
}
