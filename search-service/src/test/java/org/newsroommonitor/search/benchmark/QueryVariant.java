package org.newsroommonitor.search.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Ablation of the editor search: the request body {@code SearchQueryBuilder} builds, with one part taken out or
 * replaced, to see what each part costs. {@link #FULL} is the request as {@code GET /api/search} sends it.
 */
enum QueryVariant {
    FULL(body -> { }),
    NO_HIGHLIGHT(body -> body.remove("highlight")),
    /** the five facets (terms aggregations) out, the histogram kept */
    NO_FACETS(body -> {
        ObjectNode aggs = aggregations(body);
        if (aggs != null) {
            aggs.retain("histogram");
        }
    }),
    /** places and organisations facets out */
    NO_ENTITY_FACETS(body -> {
        ObjectNode aggs = aggregations(body);
        if (aggs != null) {
            aggs.remove("places");
            aggs.remove("organisations");
        }
    }),
    /** places and organisations as before this change: nested terms of the ids, with reverse_nested counts */
    NESTED_ENTITY_FACETS(QueryVariant::nestedEntityFacets),
    /**
     * highlight as before this change, re-analysing the stored text of every hit: the same fields' {@code .exact}
     * sub-fields, which have no offsets in their postings (on the benchmark's index they use the same
     * {@code standard} analyzer as the main fields, so the work is the same as without offsets)
     */
    REANALYSED_HIGHLIGHT(QueryVariant::reanalysedHighlight),
    /** the request as it was before this change: nested entity facets and re-analysed highlight */
    BEFORE(body -> {
        nestedEntityFacets(body);
        reanalysedHighlight(body);
    }),
    NO_HISTOGRAM(body -> {
        ObjectNode aggs = aggregations(body);
        if (aggs != null) {
            aggs.remove("histogram");
        }
    }),
    /** total counted up to 10,000 (Elasticsearch's default), not exactly */
    CAPPED_TOTAL(body -> body.put("track_total_hits", 10_000)),
    /** query, filters, sort, 20 hits: no highlight, no aggregations, total capped */
    BARE(body -> {
        body.remove("highlight");
        body.remove("aggregations");
        body.put("track_total_hits", 10_000);
    });

    private final Consumer<ObjectNode> change;

    QueryVariant(Consumer<ObjectNode> change) {
        this.change = change;
    }

    ObjectNode apply(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static void nestedEntityFacets(ObjectNode body) {
        ObjectNode aggs = aggregations(body);
        if (aggs == null) {
            return;
        }
        for (String path : new String[] {"places", "organisations"}) {
            ObjectNode nested = aggs.putObject(path);
            nested.putObject("nested").put("path", path);
            ObjectNode ids = nested.putObject("aggregations").putObject("ids");
            ObjectNode terms = ids.putObject("terms").put("field", path + ".id").put("size", 20);
            terms.putArray("order").add(JsonNodeFactory.instance.objectNode().put("articles", "desc"))
                    .add(JsonNodeFactory.instance.objectNode().put("_key", "asc"));
            ObjectNode sub = ids.putObject("aggregations");
            sub.putObject("name").putObject("terms").put("field", path + ".name").put("size", 1);
            sub.putObject("articles").putObject("reverse_nested");
        }
    }

    private static void reanalysedHighlight(ObjectNode body) {
        JsonNode fields = body.path("highlight").path("fields");
        if (fields instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, renamed((ObjectNode) array.get(i)));
            }
        } else if (fields instanceof ObjectNode object) {
            ((ObjectNode) body.get("highlight")).set("fields", renamed(object));
        }
    }

    private static ObjectNode renamed(ObjectNode fields) {
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        fields.properties().forEach(e -> renamed.set(e.getKey() + ".exact", e.getValue()));
        return renamed;
    }

    private static ObjectNode aggregations(ObjectNode body) {
        return body.get("aggregations") instanceof ObjectNode aggs ? aggs : null;
    }
}
