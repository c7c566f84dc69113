package org.newsroommonitor.search.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.Place;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The document stored for an article: the classified article as it arrived (every field, also those this service
 * does not know: the mapping stores them without indexing them), plus fields derived from it at indexing for
 * search:
 *
 * <ul>
 *   <li>{@code placeLocations}: one geo_point per place with coordinates (when there are any);</li>
 *   <li>{@code placeFacet}, {@code organisationFacet}: one {@link #facetKey facet key} ({@code id} U+001F
 *       {@code name}) per distinct entity of the article, so the places and organisations facets are plain terms
 *       aggregations counting articles, with the name to show, instead of nested aggregations with
 *       {@code reverse_nested} (a join from every nested entity back to its article, measurably dearer on 1M
 *       articles: docs/BENCHMARKS.md).</li>
 * </ul>
 */
public final class ArticleDocument {

    /** Between id and name in a facet key: sorts before every printable character, so keys sort as their ids. */
    public static final char KEY_SEPARATOR = '\u001F';

    private ArticleDocument() {
    }

    public static ObjectNode of(ClassifiedArticle article) {
        ObjectNode document = article.json().deepCopy();
        List<Place> places = article.classification().places();
        List<Place> located = places.stream().filter(Place::hasLocation).toList();
        if (!located.isEmpty()) {
            ArrayNode points = document.putArray(ArticleIndexMapping.PLACE_LOCATIONS);
            located.forEach(place -> points.addObject().put("lat", place.lat()).put("lon", place.lon()));
        }
        Set<String> placeKeys = new LinkedHashSet<>();
        places.forEach(p -> addKey(placeKeys, p.id(), p.name()));
        putKeys(document, ArticleIndexMapping.PLACE_FACET, placeKeys);
        Set<String> organisationKeys = new LinkedHashSet<>();
        article.classification().organisations().forEach(o -> addKey(organisationKeys, o.id(), o.name()));
        putKeys(document, ArticleIndexMapping.ORGANISATION_FACET, organisationKeys);
        return document;
    }

    /** {@code id} U+001F {@code name}; the id again when there is no name. */
    public static String facetKey(String id, String name) {
        return id + KEY_SEPARATOR + (name == null || name.isBlank() ? id : name);
    }

    /** The id and the name of a {@link #facetKey}; a key without separator is an id without name. */
    public static FacetKey parseFacetKey(String key) {
        int separator = key.indexOf(KEY_SEPARATOR);
        return separator < 0 ? new FacetKey(key, key)
                : new FacetKey(key.substring(0, separator), key.substring(separator + 1));
    }

    public record FacetKey(String id, String name) {
    }

    private static void addKey(Set<String> keys, String id, String name) {
        if (id != null && !id.isBlank() && id.indexOf(KEY_SEPARATOR) < 0) {
            keys.add(facetKey(id, name));
        }
    }

    private static void putKeys(ObjectNode document, String field, Set<String> keys) {
        if (!keys.isEmpty()) {
            ArrayNode array = document.putArray(field);
            keys.forEach(array::add);
        }
    }
}
