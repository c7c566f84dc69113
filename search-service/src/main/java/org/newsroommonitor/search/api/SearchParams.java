package org.newsroommonitor.search.api;

import org.newsroommonitor.query.EditorQuery;
import org.newsroommonitor.query.InvalidQueryException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The validated parameters of {@code GET /api/search}.
 *
 * @param query         the parsed {@code q}, or null for "everything"
 * @param topics        topic ids an article must all have
 * @param places        place ids an article must all mention
 * @param organisations organisation ids an article must all mention
 * @param sources       source names, the article's first source must be one of them (empty: any)
 * @param languages     language codes, the article's language must be one of them (empty: any)
 * @param from          earliest {@code published} (inclusive), or null
 * @param to            latest {@code published} (inclusive), or null
 * @param sort          the order asked for ({@link Sort#RELEVANCE} only applies when there is a query)
 * @param size          number of hits to return, already capped
 * @param cursor        where the previous page ended, or null for the first page
 * @param interval      the date histogram interval
 * @param facets        whether to compute facets and the histogram
 */
public record SearchParams(EditorQuery query, List<String> topics, List<String> places, List<String> organisations,
        List<String> sources, List<String> languages, Instant from, Instant to, Sort sort, int size,
        SearchCursor cursor, HistogramInterval interval, boolean facets) {

    /** Result order. */
    public enum Sort {
        /** best match first (then newest, then id); only with a query, otherwise {@link #NEWEST} */
        RELEVANCE,
        /** newest {@code published} first, then id */
        NEWEST
    }

    /** The raw query parameters as they arrived. */
    public record Raw(String q, List<String> topic, List<String> place, List<String> org, List<String> source,
            List<String> lang, String from, String to, String sort, String size, String cursor, String interval,
            String facets) {
    }

    /** Limits from the configuration. */
    public record Limits(int defaultSize, int maxSize, int maxQueryLength) {
    }

    public SearchParams {
        topics = List.copyOf(topics);
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }

    /** Relevance when asked for (the default) and there is a query to rank by; otherwise newest first. */
    public Sort effectiveSort() {
        return sort == Sort.RELEVANCE && query != null && !query.matchesAll() ? Sort.RELEVANCE : Sort.NEWEST;
    }

    /** Whether there are terms to rank and highlight by. */
    public boolean hasTerms() {
        return query != null && !query.matchesAll();
    }

    /**
     * What a cursor is bound to: the query, the filters and the order (not the size). A cursor from another
     * search is refused.
     */
    public String fingerprint() {
        return String.join("\u0001", query == null ? "" : query.normalized(), String.join(",", topics),
                String.join(",", places), String.join(",", organisations), String.join(",", sources),
                String.join(",", languages), String.valueOf(from), String.valueOf(to), effectiveSort().name());
    }

    /**
     * Parses the raw query parameters. {@code from}/{@code to} accept an instant ({@code 2023-09-12T14:05:00Z}),
     * a date-time with offset ({@code 2023-09-12T16:05:00+02:00}), a date-time without offset (taken as UTC) or a
     * date ({@code 2023-09-12}: from its first to its last millisecond in UTC). {@code size} defaults to
     * {@code defaultSize} and is capped at {@code maxSize}.
     *
     * @throws BadSearchRequestException for anything that cannot be understood
     */
    public static SearchParams parse(Raw raw, Limits limits) {
        EditorQuery query = parseQuery(raw.q(), limits.maxQueryLength());
        Instant fromInstant = parseBound("from", raw.from(), false);
        Instant toInstant = parseBound("to", raw.to(), true);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new BadSearchRequestException("from (" + raw.from() + ") is after to (" + raw.to() + ")");
        }
        SearchParams params = new SearchParams(query, values(raw.topic()), values(raw.place()), values(raw.org()),
                values(raw.source()), values(raw.lang()), fromInstant, toInstant, parseSort(raw.sort(), query),
                parseSize(raw.size(), limits.defaultSize(), limits.maxSize()), null,
                HistogramInterval.parse(raw.interval()), parseBoolean("facets", raw.facets(), true));
        if (raw.cursor() == null || raw.cursor().isBlank()) {
            return params;
        }
        SearchCursor cursor = SearchCursor.decode(raw.cursor().strip());
        if (!cursor.fingerprint().equals(SearchCursor.hash(params.fingerprint()))) {
            throw new BadSearchRequestException("cursor belongs to another search (q, filters or sort changed): "
                    + "start again without a cursor");
        }
        return new SearchParams(params.query, params.topics, params.places, params.organisations, params.sources,
                params.languages, params.from, params.to, params.sort, params.size, cursor, params.interval,
                params.facets);
    }

    /** Parses {@code q}: null when blank; otherwise the editor syntax, 400 when it cannot be understood. */
    public static EditorQuery parseQuery(String q, int maxQueryLength) {
        if (q == null || q.isBlank()) {
            return null;
        }
        try {
            return EditorQuery.parse(q.strip(), new EditorQuery.Limits(maxQueryLength,
                    EditorQuery.Limits.DEFAULT.maxTerms(), EditorQuery.Limits.DEFAULT.maxDepth(),
                    EditorQuery.Limits.DEFAULT.minPrefixLength()));
        } catch (InvalidQueryException e) {
            throw new BadSearchRequestException("q: " + e.getMessage());
        }
    }

    static List<String> values(List<String> raw) {
        return raw == null ? List.of()
                : raw.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
    }

    static Sort parseSort(String sort, EditorQuery query) {
        if (sort == null || sort.isBlank()) {
            return query == null ? Sort.NEWEST : Sort.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> Sort.RELEVANCE;
            case "newest" -> Sort.NEWEST;
            default -> throw new BadSearchRequestException("sort must be relevance or newest, not '" + sort + "'");
        };
    }

    static boolean parseBoolean(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadSearchRequestException(name + " must be true or false, not '" + value + "'");
        };
    }

    static int parseSize(String size, int defaultSize, int maxSize) {
        if (size == null || size.isBlank()) {
            return Math.min(defaultSize, maxSize);
        }
        int value;
        try {
            value = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new BadSearchRequestException("size must be a whole number, not '" + size + "'");
        }
        if (value < 0) {
            throw new BadSearchRequestException("size must not be negative");
        }
        return Math.min(value, maxSize);
    }

    static Instant parseBound(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.matches(".*[+-]\\d\\d:?\\d\\d$") && text.contains("T")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new BadSearchRequestException(name + " must be an ISO-8601 date (2023-09-12) or instant "
                    + "(2023-09-12T14:05:00Z), not '" + value + "'");
        }
    }
}
