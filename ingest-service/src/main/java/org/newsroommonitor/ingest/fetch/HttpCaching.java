package org.newsroommonitor.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the HTTP headers that tell a polite client when to come back. */
public final class HttpCaching {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");

    private HttpCaching() {
    }

    /** {@code Cache-Control: max-age} (s-maxage is ignored: a feed reader is not a shared cache), else null. */
    public static Duration maxAge(HttpHeaders headers) {
        for (String value : headers.allValues("Cache-Control")) {
            Matcher matcher = MAX_AGE.matcher(value.toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
            }
        }
        return null;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, relative to {@code now}; null when absent or invalid. */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.matches("\\d{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
