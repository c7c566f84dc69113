package org.newsroommonitor.ingest.article;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroommonitor.ingest.config.IngestConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detects the language of an article whose feed declares none, with Lingua (a maintained n-gram detector), among
 * the languages of {@code newsroom.ingest.detect-languages} only: each language costs memory, so the list is the
 * languages a desk actually reads. The models load on the first detection. Text that is too short or too
 * ambiguous gives no language rather than a guess.
 */
@ApplicationScoped
public class LanguageDetection {

    private static final int MAX_CHARS = 2000;

    private final List<IsoCode639_1> languages;
    private volatile LanguageDetector detector;

    @Inject
    public LanguageDetection(IngestConfig config) {
        this(config.detectLanguages());
    }

    public LanguageDetection(List<String> isoCodes) {
        List<IsoCode639_1> codes = new ArrayList<>();
        for (String code : isoCodes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            try {
                codes.add(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsroom.ingest.detect-languages: '" + code
                        + "' is no ISO 639-1 code the language detector knows", e);
            }
        }
        this.languages = List.copyOf(codes);
    }

    /** The ISO 639-1 code of {@code text}'s language, or {@code null} when it cannot be told. */
    public String detect(String text) {
        if (languages.size() < 2 || text == null || text.isBlank()) {
            return languages.size() == 1 && text != null && !text.isBlank()
                    ? languages.get(0).name().toLowerCase(Locale.ROOT) : null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language language = detector().detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private LanguageDetector detector() {
        LanguageDetector current = detector;
        if (current == null) {
            synchronized (this) {
                current = detector;
                if (current == null) {
                    current = LanguageDetectorBuilder
                            .fromIsoCodes639_1(languages.toArray(IsoCode639_1[]::new))
                            .withMinimumRelativeDistance(0.05)
                            .withLowAccuracyMode()
                            .build();
                    detector = current;
                }
            }
        }
        return current;
    }
}
