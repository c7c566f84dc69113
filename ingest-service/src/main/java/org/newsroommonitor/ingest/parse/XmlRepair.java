package org.newsroommonitor.ingest.parse;

import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level repairs of the breakage real feeds carry, tried only after a strict parse failed, and never by
 * enabling DTDs: junk (BOM, whitespace, stray bytes) before the first {@code <}; HTML named entities XML does not
 * declare ({@code &nbsp;}, {@code &eacute;}, ...) replaced by numeric references; a bare {@code &} escaped. Each
 * repair that changed something is said in plain words. The structural repairs come after these
 * ({@link XmlRecovery}).
 */
final class XmlRepair {

    private static final Pattern AMPERSAND =
            Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?");

    private static final Pattern RSS_WITHOUT_VERSION = Pattern.compile("<rss(?![^>]*\\bversion\\s*=)(?=[\\s>/])");

    /** A CDATA section or a comment (an unterminated one runs to the end). */
    private static final Pattern VERBATIM = Pattern.compile("<!\\[CDATA\\[.*?(?:]]>|\\z)|<!--.*?(?:-->|\\z)",
            Pattern.DOTALL);

    /** Entity names listed in a note, at most. */
    private static final int NAMES_LISTED = 5;

    private XmlRepair() {
    }

    /**
     * A text and the repairs that made it.
     *
     * @param text    the repaired text
     * @param repairs what was repaired; empty when the text is the one given
     */
    record Repaired(String text, List<Repair> repairs) {
    }

    /** The text with the text-level repairs made, and which were needed. */
    static Repaired repair(String text) {
        List<Repair> repairs = new ArrayList<>();
        String repaired = text;
        int start = repaired.indexOf('<');
        if (start > 0) {
            String junk = repaired.substring(0, start);
            repaired = repaired.substring(start);
            // whitespace before a root without an XML declaration is allowed: dropping it repairs nothing
            if (!junk.replace("\uFEFF", "").isBlank() || repaired.startsWith("<?xml")) {
                repairs.add(new Repair(Repair.Kind.LEADING_JUNK,
                        "dropped " + start + " characters before the first tag"));
            }
        }
        // Rome cannot read <rss> without a version; what it holds is read as RSS 2.0
        Matcher rss = RSS_WITHOUT_VERSION.matcher(repaired);
        if (rss.find()) {
            repaired = rss.replaceFirst("<rss version=\"2.0\"");
            repairs.add(new Repair(Repair.Kind.RSS_VERSION, "read <rss> without a version as RSS 2.0"));
        }
        Set<String> htmlEntities = new LinkedHashSet<>();
        Set<String> unknownEntities = new LinkedHashSet<>();
        int bare = 0;
        Matcher matcher = AMPERSAND.matcher(repaired);
        VerbatimSpans verbatim = new VerbatimSpans(repaired);
        StringBuilder out = new StringBuilder(repaired.length() + 64);
        while (matcher.find()) {
            if (verbatim.contain(matcher.start())) {
                continue; // CDATA and comments hold text as it is: an & there needs no repair
            }
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "&amp;"; // a bare ampersand
                bare++;
            } else if (matcher.group(2) == null) {
                replacement = matcher.group(); // a numeric reference: fine
            } else {
                String name = matcher.group(2);
                if (name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot")
                        || name.equals("apos")) {
                    replacement = matcher.group();
                } else if (Entities.isNamedEntity(name)) {
                    StringBuilder numeric = new StringBuilder();
                    Entities.getByName(name).codePoints().forEach(cp -> numeric.append("&#").append(cp).append(';'));
                    replacement = numeric.toString();
                    htmlEntities.add("&" + name + ";");
                } else {
                    replacement = "&amp;" + name + ";"; // unknown: keep it visible as text
                    unknownEntities.add("&" + name + ";");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        if (!htmlEntities.isEmpty()) {
            repairs.add(new Repair(Repair.Kind.HTML_ENTITIES, "replaced the HTML entities " + listed(htmlEntities)
                    + ", which XML does not know, by their characters"));
        }
        if (bare > 0 || !unknownEntities.isEmpty()) {
            List<String> done = new ArrayList<>();
            if (bare > 0) {
                done.add("escaped " + bare + " bare &");
            }
            if (!unknownEntities.isEmpty()) {
                done.add("kept the unknown entit" + (unknownEntities.size() == 1 ? "y " : "ies ")
                        + listed(unknownEntities) + " as text");
            }
            repairs.add(new Repair(Repair.Kind.BARE_AMPERSANDS, String.join(" and ", done)));
        }
        return new Repaired(out.toString(), repairs);
    }

    /** The CDATA sections and comments of a text, asked about offsets in increasing order. */
    private static final class VerbatimSpans {
        private final Matcher spans;
        private int start = -1;
        private int end = -1;

        VerbatimSpans(String text) {
            spans = VERBATIM.matcher(text);
        }

        boolean contain(int offset) {
            while (end <= offset && start != Integer.MAX_VALUE) {
                if (spans.find()) {
                    start = spans.start();
                    end = spans.end();
                } else {
                    start = Integer.MAX_VALUE;
                    end = Integer.MAX_VALUE;
                }
            }
            return start <= offset;
        }
    }

    private static String listed(Set<String> names) {
        return String.join(", ", names.stream().limit(NAMES_LISTED).toList())
                + (names.size() > NAMES_LISTED ? " and " + (names.size() - NAMES_LISTED) + " more" : "");
    }
}
