package org.newsroommonitor.search.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A message of {@code news.classified} (docs/messages.md, "Classified article"): the article as ingest-service
 * published it plus the topics classify-service tagged it with. Unknown fields are ignored, so producers may add
 * fields. It is also the document stored in the article index (one per {@link #id}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifiedArticle(
        Integer schemaVersion,
        String id,
        Long revision,
        String url,
        String canonicalUrl,
        String guid,
        String title,
        String summary,
        String text,
        Instant published,
        String publishedSource,
        Instant firstSeen,
        String language,
        List<String> authors,
        List<String> categories,
        List<Source> sources,
        String contentHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) String summaryHtml,
        @JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Enclosure> enclosures,
        List<Topic> topics,
        String taxonomyVersion,
        Instant classifiedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Place> places,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Organisation> organisations) {

    /** Elasticsearch rejects document ids longer than this many bytes. */
    public static final int MAX_ID_BYTES = 512;

    /** A feed the article was seen in; the first one is where it was seen first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String feedUrl, String name, String siteUrl) {
    }

    /** Media attached to the entry (display only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enclosure(String url, String type, Long length) {
    }

    /** A topic the article was tagged with, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topic(String id, Double score, List<String> matched, List<Hit> hits) {
    }

    /** One rule match: the matched term and where it is ({@code end} exclusive). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(String rule, String term, String field, Integer start, Integer end) {
    }

    /**
     * A place the article mentions, from classify-service's gazetteer: {@code count} mentions; {@code country}
     * (ISO 3166-1 alpha-2 or name, as the gazetteer gives it), {@code lat}/{@code lon} in WGS84 degrees.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String id, String name, Integer count, String country, Double lat, Double lon) {

        /** True when lat/lon are present and on the globe. */
        public boolean hasLocation() {
            return lat != null && lon != null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
        }
    }

    /** An organisation the article mentions, from classify-service's gazetteer; {@code count} mentions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organisation(String id, String name, Integer count) {
    }

    /** The places, never null. */
    public List<Place> placeList() {
        return places == null ? List.of() : places.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The organisations, never null. */
    public List<Organisation> organisationList() {
        return organisations == null ? List.of() : organisations.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The name of the first source, or null. */
    public String sourceName() {
        return sources == null || sources.isEmpty() || sources.getFirst() == null ? null : sources.getFirst().name();
    }

    /**
     * Why this message cannot be indexed, or null when it can: it needs an id Elasticsearch accepts and a
     * revision (the document version, so an older revision never overwrites a newer one).
     */
    public String invalidReason() {
        if (id == null || id.isBlank()) {
            return "missing id";
        }
        if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            return "id longer than " + MAX_ID_BYTES + " bytes";
        }
        if (revision == null || revision < 0) {
            return "missing or negative revision";
        }
        return null;
    }
}
