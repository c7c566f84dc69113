package org.newsroommonitor.search.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The validated parameters of {@code GET /api/search}.
 *
 * @param query  the {@code q} text, or null for "everything"
 * @param topics topic ids an article must all have
 * @param from   earliest {@code published} (inclusive), or null
 * @param to     latest {@code published} (inclusive), or null
 * @param size   number of hits to return, already capped
 */
public record SearchParams(String query, List<String> topics, Instant from, Instant to, int size) {

    public SearchParams {
        topics = List.copyOf(topics);
    }

    /**
     * Parses the raw query parameters. {@code from}/{@code to} accept an instant ({@code 2023-09-12T14:05:00Z}),
     * a date-time with offset ({@code 2023-09-12T16:05:00+02:00}), a date-time without offset (taken as UTC) or a
     * date ({@code 2023-09-12}: from its first to its last millisecond in UTC). {@code size} defaults to
     * {@code defaultSize} and is capped at {@code maxSize}.
     *
     * @throws BadSearchRequestException for anything that cannot be understood
     */
    public static SearchParams parse(String q, List<String> topic, String from, String to, String size,
            int defaultSize, int maxSize, int maxQueryLength) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > maxQueryLength) {
            throw new BadSearchRequestException("q is longer than " + maxQueryLength + " characters");
        }
        List<String> topics = topic == null ? List.of()
                : topic.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        Instant fromInstant = parseBound("from", from, false);
        Instant toInstant = parseBound("to", to, true);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new BadSearchRequestException("from (" + from + ") is after to (" + to + ")");
        }
        return new SearchParams(query, topics, fromInstant, toInstant, parseSize(size, defaultSize, maxSize));
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
                return Instant.parse(text.toUpperCase(java.util.Locale.ROOT));
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
