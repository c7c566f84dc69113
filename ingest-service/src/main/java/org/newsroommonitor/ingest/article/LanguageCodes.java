package org.newsroommonitor.ingest.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/** Normalises the language a feed declares ({@code en-us}, {@code EN_GB}, {@code eng}, ...) to ISO 639-1. */
final class LanguageCodes {

    private static final Pattern LETTERS = Pattern.compile("[a-z]{2,3}");
    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();

    static {
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                THREE_TO_TWO.put(Locale.of(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException e) {
                // no three-letter code known for this language: nothing to map
            }
        }
        // ISO 639-2/B codes that differ from the /T codes the JDK knows
        Map<String, String> bibliographic = Map.ofEntries(
                Map.entry("alb", "sq"), Map.entry("arm", "hy"), Map.entry("baq", "eu"), Map.entry("bur", "my"),
                Map.entry("chi", "zh"), Map.entry("cze", "cs"), Map.entry("dut", "nl"), Map.entry("fre", "fr"),
                Map.entry("geo", "ka"), Map.entry("ger", "de"), Map.entry("gre", "el"), Map.entry("ice", "is"),
                Map.entry("mac", "mk"), Map.entry("mao", "mi"), Map.entry("may", "ms"), Map.entry("per", "fa"),
                Map.entry("rum", "ro"), Map.entry("slo", "sk"), Map.entry("tib", "bo"), Map.entry("wel", "cy"));
        bibliographic.forEach(THREE_TO_TWO::putIfAbsent);
    }

    private LanguageCodes() {
    }

    /** The ISO 639-1 code of {@code declared}, or {@code null} when it names no known language. */
    static String toIso6391(String declared) {
        if (declared == null) {
            return null;
        }
        String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (!LETTERS.matcher(primary).matches()) {
            return null;
        }
        if (primary.length() == 2) {
            return isKnownTwoLetterCode(primary) ? primary : null;
        }
        return THREE_TO_TWO.get(primary);
    }

    private static boolean isKnownTwoLetterCode(String code) {
        for (String known : Locale.getISOLanguages()) {
            if (known.equals(code)) {
                return true;
            }
        }
        // codes the JDK maps to old ones (he/iw, id/in, yi/ji) are still ISO 639-1
        return code.equals("he") || code.equals("id") || code.equals("yi");
    }
}
