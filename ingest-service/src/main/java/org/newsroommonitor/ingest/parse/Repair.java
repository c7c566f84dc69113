package org.newsroommonitor.ingest.parse;

/**
 * One repair a feed needed before it could be read, said in plain words for the feed's status.
 *
 * @param kind what was repaired (the corpus report counts feeds by it)
 * @param note what was done, in plain words, e.g. "escaped 2 bare &"
 */
public record Repair(Kind kind, String note) {

    /** What a repair mends. */
    public enum Kind {
        /** A wrong or missing character encoding, or UTF-16/32 without a byte order mark. */
        CHARSET("character encoding"),
        /** Junk or a BOM before the first tag. */
        LEADING_JUNK("junk before the root"),
        /** {@code <rss>} without {@code version}. */
        RSS_VERSION("<rss> without version"),
        /** HTML named entities such as {@code &nbsp;}, which XML does not declare. */
        HTML_ENTITIES("HTML entities"),
        /** A bare {@code &}, or an entity nobody declares. */
        BARE_AMPERSANDS("bare & or unknown entity"),
        /** Namespace prefixes used without a declaration. */
        UNDECLARED_NAMESPACES("undeclared namespace prefixes"),
        /** A document cut off (or broken) before its end: its complete entries kept. */
        CUT_OFF("cut-off document"),
        /** Junk or a second root element after the document. */
        TRAILING_CONTENT("junk or a second root after the document"),
        /** Entries (or other elements between them) that are not well-formed, dropped. */
        BROKEN_ENTRIES("broken entries dropped");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short name, for reports. */
        public String label() {
            return label;
        }
    }
}
