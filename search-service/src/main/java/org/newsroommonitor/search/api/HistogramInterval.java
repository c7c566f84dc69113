package org.newsroommonitor.search.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The interval of the date histogram of {@code published} (UTC). {@link #AUTO} picks the shortest interval that
 * gives at most the configured number of buckets over {@code from}..{@code to}, an unset bound being the oldest
 * or newest article of the index. (Elasticsearch's {@code auto_date_histogram} would do this, but the
 * distribution the tests run on does not have it.)
 */
public enum HistogramInterval {
    AUTO(null, null, null),
    HOUR("1h", "hour", Duration.ofHours(1)),
    HOURS_3("3h", null, Duration.ofHours(3)),
    HOURS_12("12h", null, Duration.ofHours(12)),
    DAY("1d", "day", Duration.ofDays(1)),
    WEEK("1w", "week", Duration.ofDays(7)),
    MONTH("1M", "month", Duration.ofDays(28)),
    QUARTER("1q", "quarter", Duration.ofDays(89)),
    YEAR("1y", "year", Duration.ofDays(365));

    /** What responses call it: 1h, 3h, 12h, 1d, 1w, 1M, 1q, 1y. */
    public final String label;
    /** The calendar interval name, or null for the fixed 3h / 12h intervals. */
    public final String calendarName;
    /** The shortest a bucket can be (to bound the number of buckets of a range). */
    public final Duration shortest;

    HistogramInterval(String label, String calendarName, Duration shortest) {
        this.label = label;
        this.calendarName = calendarName;
        this.shortest = shortest;
    }

    /** {@code auto} (default), {@code hour}, {@code day}, {@code week}, {@code month}, {@code quarter}, {@code year}. */
    public static HistogramInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (HistogramInterval interval : values()) {
            if (name.equals("auto") && interval == AUTO || name.equals(interval.calendarName)) {
                return interval;
            }
        }
        throw new BadSearchRequestException(
                "interval must be auto, hour, day, week, month, quarter or year, not '" + value + "'");
    }

    /** The shortest interval that cuts {@code from}..{@code to} into at most {@code maxBuckets} buckets. */
    public static HistogramInterval choose(Instant from, Instant to, int maxBuckets) {
        if (from == null || to == null) {
            return MONTH;
        }
        Duration span = Duration.between(from, to).abs();
        for (HistogramInterval interval : List.of(HOUR, HOURS_3, HOURS_12, DAY, WEEK, MONTH, QUARTER)) {
            if (bucketsAtMost(span, interval) <= maxBuckets) {
                return interval;
            }
        }
        return YEAR;
    }

    /** An upper bound of the number of buckets of this interval over {@code span}. */
    public static long bucketsAtMost(Duration span, HistogramInterval interval) {
        return span.dividedBy(interval.shortest) + 2;
    }
}
