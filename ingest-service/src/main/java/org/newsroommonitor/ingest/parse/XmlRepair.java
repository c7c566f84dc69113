package org.newsroommonitor.ingest.parse;

import org.jsoup.nodes.Entities;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level repairs of the breakage real feeds carry, tried only after a strict parse failed, and never by
 * enabling DTDs: junk (BOM, whitespace, stray bytes) before the first {@code <}; HTML named entities XML does not
 * declare ({@code &nbsp;}, {@code &eacute;}, ...) replaced by numeric references; a bare {@code &} escaped.
 */
final class XmlRepair {

    private static final Pattern AMPERSAND =
            Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?");

    private static final Pattern RSS_WITHOUT_VERSION = Pattern.compile("<rss(?![^>]*\\bversion\\s*=)(?=[\\s>/])");

    private XmlRepair() {
    }

    /** The repaired text; {@code text} itself when nothing needed repair. */
    static String repair(String text) {
        String repaired = text;
        int start = repaired.indexOf('<');
        if (start > 0) {
            repaired = repaired.substring(start);
        }
        // Rome cannot read <rss> without a version; what it holds is read as RSS 2.0
        repaired = RSS_WITHOUT_VERSION.matcher(repaired).replaceFirst("<rss version=\"2.0\"");
        Matcher matcher = AMPERSAND.matcher(repaired);
        StringBuilder out = new StringBuilder(repaired.length() + 64);
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "&amp;"; // a bare ampersand
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
                } else {
                    replacement = "&amp;" + name + ";"; // unknown: keep it visible as text
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
