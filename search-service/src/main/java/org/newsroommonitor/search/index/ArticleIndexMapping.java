package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The explicit mapping of the article index. One document per article id; the document is the classified article
 * as it arrived on {@code news.classified}, every field included. {@code dynamic: false}: a field not listed here
 * (one a producer added, which every stage passes through) is kept in the stored document but not indexed, so
 * the index never grows fields by accident and never refuses a message for carrying one.
 *
 * <p>The full-text fields {@code title}, {@code summary} and {@code text} use the language analyzer given to
 * {@link #indexBody} ({@code english} on clusters with the analysis-common module, {@code standard} otherwise) and
 * always have an {@code .exact} sub-field with the {@code standard} analyzer, which quoted phrases are matched
 * against (no stemming inside a phrase). {@code title.keyword} allows sorting and aggregating by title. With
 * {@code english} (i.e. the full distribution) they also get per-language sub-fields, see
 * {@link #LANGUAGE_ANALYZERS}.
 */
public final class ArticleIndexMapping {

    public static final String ENGLISH = "english";
    /** Fields not in the mapping are stored, not indexed (see the class comment). */
    public static final String DYNAMIC = "false";
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
        mappings.put("dynamic", DYNAMIC);
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
        p.set("language", facetKeyword());
        p.set("authors", keyword());
        p.set("categories", keyword());

        ObjectNode sources = p.putObject("sources");
        sources.put("type", "object");
        ObjectNode sp = sources.putObject("properties");
        sp.set("feedUrl", keyword());
        sp.set("name", facetKeyword().put("ignore_above", 2048));
        sp.set("siteUrl", keyword());

        p.set("contentHash", type("keyword").put("index", false));

        // nested keeps id/score/matched of one topic together (for "topic X with score > s" later);
        // include_in_parent also indexes them flat, so a plain term query on topics.id works.
        ObjectNode topics = p.putObject("topics");
        topics.put("type", "nested");
        topics.put("include_in_parent", true);
        ObjectNode tp = topics.putObject("properties");
        tp.set("id", facetKeyword());
        tp.set("score", type("float"));
        tp.set("matched", keyword());
        // The rule hits (offsets per field) are kept in _source for highlighting in the UI, not indexed.
        tp.putObject("hits").put("type", "object").put("enabled", false);

        p.set("taxonomyVersion", type("keyword"));
        p.set("classifiedAt", type("date"));
        p.setAll(additions());
        return mappings;
    }

    /** The top-level field holding a {@code geo_point} per place with coordinates (derived at indexing). */
    public static final String PLACE_LOCATIONS = "placeLocations";
    /** Derived at indexing: the {@link ArticleDocument#facetKey facet keys} of the places, for the places facet. */
    public static final String PLACE_FACET = "placeFacet";
    /** Derived at indexing: the facet keys of the organisations, for the organisations facet. */
    public static final String ORGANISATION_FACET = "organisationFacet";

    /**
     * Fields added after {@code news-articles-v1} was first released; {@link ArticleIndex} puts them into the
     * mapping of an existing index at start-up (adding fields is allowed on a live index).
     *
     * <ul>
     *   <li>{@code places} and {@code organisations} from classify-service's gazetteer: nested (id, name, count
     *       of one entity stay together, for queries on one entity's fields), also indexed flat
     *       ({@code include_in_parent}) so a plain {@code term} filter on {@code places.id} works.</li>
     *   <li>{@code placeLocations}: a {@code geo_point} array, one point per place with coordinates, for map and
     *       distance queries.</li>
     *   <li>{@code placeFacet}, {@code organisationFacet}: keywords {@code id} U+001F {@code name}, one per entity
     *       of the article ({@link ArticleDocument}), which the places and organisations facets aggregate.</li>
     * </ul>
     */
    public static ObjectNode additions() {
        ObjectNode p = JSON.objectNode();
        ObjectNode places = p.putObject("places");
        places.put("type", "nested");
        places.put("include_in_parent", true);
        ObjectNode pp = places.putObject("properties");
        pp.set("id", type("keyword"));
        pp.set("name", keyword());
        pp.set("count", type("integer"));
        pp.set("country", type("keyword"));
        pp.set("lat", type("double"));
        pp.set("lon", type("double"));

        ObjectNode organisations = p.putObject("organisations");
        organisations.put("type", "nested");
        organisations.put("include_in_parent", true);
        ObjectNode op = organisations.putObject("properties");
        op.set("id", type("keyword"));
        op.set("name", keyword());
        op.set("count", type("integer"));

        p.set(PLACE_LOCATIONS, type("geo_point"));
        p.set(PLACE_FACET, facetKeyword());
        p.set(ORGANISATION_FACET, facetKeyword());
        // kept for display only: the sanitised HTML summary, the picture and the attached media
        p.set("summaryHtml", type("text").put("index", false));
        p.set("imageUrl", type("keyword").put("index", false).put("doc_values", false));
        p.set("enclosures", type("object").put("enabled", false));

        return p;
    }

    /**
     * Per-language sub-fields ({@code title.ru}, ...) with the language's analyzer, on clusters that have the
     * language analyzers (the full distribution; detected with {@code english}): ISO 639-1 code -> analyzer. The
     * search adds them to the query fields when the {@code lang} filter names the language.
     */
    public static final java.util.Map<String, String> LANGUAGE_ANALYZERS = java.util.Map.of(
            "en", "english", "ru", "russian", "fr", "french", "de", "german", "es", "spanish", "hy", "armenian");

    private static ObjectNode fullText(String analyzer, boolean withKeyword) {
        // offsets in the postings: the unified highlighter finds the matched words there instead of analysing the
        // stored text of every hit again (1-4 KB each, 20 hits a page)
        ObjectNode field = type("text").put("analyzer", analyzer).put("index_options", "offsets");
        ObjectNode fields = field.putObject("fields");
        fields.set(EXACT_SUFFIX.substring(1), type("text").put("analyzer", STANDARD));
        if (ENGLISH.equals(analyzer)) {
            new java.util.TreeMap<>(LANGUAGE_ANALYZERS).forEach((lang, languageAnalyzer) ->
                    fields.set(lang, type("text").put("analyzer", languageAnalyzer)));
        }
        if (withKeyword) {
            fields.set("keyword", keyword());
        }
        return field;
    }

    /**
     * A keyword every search aggregates (a facet): its global ordinals are built when a refresh opens a new reader,
     * not by the first search after it (with ingest and a 1 s refresh that was a search every second).
     */
    private static ObjectNode facetKeyword() {
        return type("keyword").put("eager_global_ordinals", true);
    }

    private static ObjectNode keyword() {
        return type("keyword").put("ignore_above", 2048);
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }
}
