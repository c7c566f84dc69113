package org.newsroommonitor.ingest.config;

import java.time.Duration;
import java.util.Locale;

/** Durations written for people the way the settings are written: {@code 5m}, {@code 30s}, {@code 1h30m}. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
