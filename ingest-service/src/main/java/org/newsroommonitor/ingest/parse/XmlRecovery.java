package org.newsroommonitor.ingest.parse;

import org.newsroommonitor.ingest.parse.XmlRepair.Repaired;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural repairs of a feed that is not well-formed, tried after the text-level ones ({@link XmlRepair}) and
 * never by enabling DTDs: a lenient StAX pass over the text ({@link Scan}: the JDK's own reader, namespaces not
 * resolved, DTDs off, no external entity or URL resolved, stopping at the first fatal error or a DOCTYPE) says what
 * is wrong and where, one repair is made, and the text is read again, up to {@value #MAX_PASSES} times:
 * <ul>
 * <li>namespace prefixes used without a declaration are declared on the root element: the well-known ones
 *     ({@link #WELL_KNOWN_NAMESPACES}) with their namespace, any other with a placeholder namespace
 *     ({@code urn:newsroom-monitor:undeclared-prefix:<prefix>}) that no module reads, so its elements are left
 *     aside as unknown markup;</li>
 * <li>junk or a second root element after the end of the root element is dropped;</li>
 * <li>an entry ({@code <item>}, {@code <entry>}) that is not well-formed, or another element or stray markup
 *     between entries, is dropped up to the next entry; the other entries are kept;</li>
 * <li>a document cut off before its end (or broken after its last good entry) keeps what came before the break,
 *     without an incomplete entry, and gets the end tags of the elements still open: only when that keeps at
 *     least one complete entry, or when a cut-off document had only its root element still open, so that a feed
 *     broken in its channel data stays an error.</li>
 * </ul>
 * A document with a DOCTYPE is not repaired at all. Entries are elements named {@code item} or {@code entry}
 * (with any prefix) that are not inside another entry.
 */
final class XmlRecovery {

    /** Repairs made at most, one per pass over the text. */
    static final int MAX_PASSES = 50;

    /**
     * Namespace prefixes feeds use without declaring them, and the namespaces they stand for: RSS 1.0 and its
     * modules, Atom and its threading extension, Dublin Core, iTunes and Google Play podcasts, Podcasting 2.0,
     * Media RSS, CommentAPI, Creative Commons, GeoRSS and W3C geo, FeedBurner, OpenSearch, XHTML.
     */
    static final Map<String, String> WELL_KNOWN_NAMESPACES = Map.ofEntries(
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("taxo", "http://purl.org/rss/1.0/modules/taxonomy/"),
            Map.entry("admin", "http://webns.net/mvcb/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("thr", "http://purl.org/syndication/thread/1.0"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
            Map.entry("podcast", "https://podcastindex.org/namespace/1.0"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("trackback", "http://madskills.com/public/xml/rss/module/trackback/"),
            Map.entry("creativeCommons", "http://backend.userland.com/creativeCommonsRssModule"),
            Map.entry("cc", "http://web.resource.org/cc/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("opensearch", "http://a9.com/-/spec/opensearch/1.1/"),
            Map.entry("xhtml", "http://www.w3.org/1999/xhtml"));

    static final String PLACEHOLDER_NAMESPACE = "urn:newsroom-monitor:undeclared-prefix:";

    private static final Pattern SECOND_ROOT = Pattern.compile("<([A-Za-z_][^\\s/>]*)");

    private static final Pattern MISPLACED_DECLARATION =
            Pattern.compile("(?:\\s*<!--.*?-->)+\\s*(<\\?xml\\s.*?\\?>)", Pattern.DOTALL);

    /** What {@link Fix#dropped} says of markup between entries that is not an element. */
    private static final String STRAY = "";

    private static final Pattern ONLY_END_TAGS = Pattern.compile("(?:\\s*</[^<>]*>)*\\s*");

    private XmlRecovery() {
    }

    /** The text after the structural repairs and which were made; {@code text} itself when none could be. */
    static Repaired recover(String text) {
        String current = text;
        Set<String> wellKnown = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Integer> broken = new TreeMap<>();
        int stray = 0;
        String entryName = null;
        Repair end = null;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Scan scan = Scan.of(current);
            entryName = scan.entryName == null ? entryName : scan.entryName;
            if (scan.doctype) {
                return new Repaired(text, List.of());
            }
            if (scan.positionsUnknown) {
                break;
            }
            Set<String> undeclared = new LinkedHashSet<>(scan.undeclared);
            undeclared.removeAll(wellKnown);
            undeclared.removeAll(unknown);
            String next;
            if (!undeclared.isEmpty() && scan.root != null) {
                StringBuilder declarations = new StringBuilder();
                for (String prefix : undeclared) {
                    String namespace = WELL_KNOWN_NAMESPACES.get(prefix);
                    (namespace == null ? unknown : wellKnown).add(prefix);
                    declarations.append(" xmlns:").append(prefix).append("=\"")
                            .append(namespace == null ? PLACEHOLDER_NAMESPACE + prefix : namespace).append('"');
                }
                int at = scan.root.start + 1 + scan.root.name.length();
                next = current.substring(0, at) + declarations + current.substring(at);
            } else if (scan.error == null) {
                break;
            } else {
                Fix fix = fix(current, scan);
                if (fix == null) {
                    break;
                }
                next = fix.text;
                if (STRAY.equals(fix.dropped)) {
                    stray++;
                } else if (fix.dropped != null) {
                    broken.merge(fix.dropped, 1, Integer::sum);
                }
                if (fix.end != null) {
                    end = fix.end;
                }
            }
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        if (current.equals(text)) {
            return new Repaired(text, List.of());
        }
        List<Repair> repairs = new ArrayList<>();
        if (!wellKnown.isEmpty()) {
            repairs.add(new Repair(Repair.Kind.UNDECLARED_NAMESPACES, "declared the undeclared namespace prefix"
                    + (wellKnown.size() == 1 ? " " : "es ") + String.join(", ", wellKnown)));
        }
        if (!unknown.isEmpty()) {
            repairs.add(new Repair(Repair.Kind.UNDECLARED_NAMESPACES, "bound the unknown undeclared prefix"
                    + (unknown.size() == 1 ? " " : "es ") + String.join(", ", unknown)
                    + " to a placeholder namespace (" + (unknown.size() == 1 ? "its" : "their")
                    + " elements are ignored)"));
        }
        broken.forEach((name, count) -> repairs.add(new Repair(Repair.Kind.BROKEN_ENTRIES,
                count + " broken " + plural(name, count) + (count == 1 ? " was" : " were") + " dropped")));
        if (stray > 0) {
            repairs.add(new Repair(Repair.Kind.BROKEN_ENTRIES, "dropped " + stray + " piece" + (stray == 1 ? "" : "s")
                    + " of broken markup between " + plural(entryName == null ? "item" : entryName, 2)));
        }
        if (end != null) {
            repairs.add(end);
        }
        return new Repaired(current, repairs);
    }

    /**
     * What to do about a fatal error: after the root element, drop what follows it; inside, drop the broken child
     * of the entries' parent (or stray markup between entries) up to the next entry, or cut the document before the
     * break and close what is open; {@code null} when none of these applies or keeps a complete entry (or, in a
     * cut-off document with only its root open, the whole of the root's content).
     */
    private static Fix fix(String text, Scan scan) {
        if (scan.root == null) {
            return null;
        }
        if (scan.rootEnd >= 0) {
            String after = text.substring(scan.rootEnd).strip();
            Matcher secondRoot = SECOND_ROOT.matcher(after);
            String note = secondRoot.lookingAt()
                    ? "dropped a second root element <" + secondRoot.group(1) + "> after the end of the document"
                    : "dropped junk after the end of the document (" + after.length() + " characters)";
            return new Fix(text.substring(0, scan.rootEnd), null, new Repair(Repair.Kind.TRAILING_CONTENT, note));
        }
        Open child = scan.brokenChild();
        int next = scan.entryName == null ? -1 : nextStartTag(text, scan.entryName, scan.lastGood);
        if (child != null && next > child.start) {
            return new Fix(text.substring(0, child.start) + text.substring(next), child.name, null);
        }
        if (child == null && scan.open.size() == scan.entryParentDepth + 1 && next > scan.lastGood) {
            // in the entries' parent, between two entries: the markup up to the next entry is dropped
            return new Fix(text.substring(0, scan.lastGood) + text.substring(next), STRAY, null);
        }
        int cut = child != null ? child.start : scan.lastGood;
        String rest = text.substring(cut);
        boolean truncated = !Pattern.compile("</" + Pattern.quote(scan.root.name) + "\\s*>").matcher(rest).find();
        if (scan.completeEntries == 0 && !(truncated && scan.open.size() == 1)) {
            return null;
        }
        StringBuilder closed = new StringBuilder(text.substring(0, cut));
        for (Open open : scan.open) { // innermost first
            if (child == null || open.depth < child.depth) {
                closed.append("</").append(open.name).append('>');
            }
        }
        String entries = scan.completeEntries + " complete " + plural(scan.entryName == null ? "item"
                : scan.entryName, scan.completeEntries);
        if (truncated) {
            boolean onlyEndTags = ONLY_END_TAGS.matcher(rest).matches();
            String after = scan.completeEntries == 0 ? "" : " after " + (onlyEndTags ? "its " : "") + entries;
            String note = onlyEndTags
                    ? "the document ended without closing its elements; they were closed" + after
                    : "the document was cut off" + (after.isEmpty() ? " before its end" : after)
                            + "; the incomplete rest was dropped";
            return new Fix(closed.toString(), null, new Repair(Repair.Kind.CUT_OFF, note));
        }
        if (child != null && child.entry()) { // the last entry is broken: dropped, with what follows it
            return new Fix(closed.toString(), child.name(), null);
        }
        return new Fix(closed.toString(), null, new Repair(Repair.Kind.CUT_OFF, "the document breaks after "
                + entries + " (" + scan.error + "); the rest was dropped"));
    }

    /** "item" or "items", "entry" or "entries", ... for the local name of an element. */
    private static String plural(String name, int count) {
        String local = name.substring(name.indexOf(':') + 1);
        if (count == 1) {
            return local.equals("item") || local.equals("entry") ? local : "<" + name + "> element";
        }
        return local.equals("entry") ? "entries" : local.equals("item") ? "items" : "<" + name + "> elements";
    }

    /** Where the next start tag {@code <name} begins at or after {@code from}, or -1. */
    private static int nextStartTag(String text, String name, int from) {
        Matcher start = Pattern.compile("<" + Pattern.quote(name) + "[\\s/>]").matcher(text);
        return start.find(Math.max(0, from)) ? start.start() : -1;
    }

    private static boolean isEntry(String name) {
        String local = name.substring(name.indexOf(':') + 1);
        return local.equals("item") || local.equals("entry");
    }

    /** A repaired text; {@code dropped} the name of an element dropped, {@code end} a repair at the end. */
    private record Fix(String text, String dropped, Repair end) {
    }

    /** The reader's position could not be told exactly. */
    private static final class UnknownPosition extends RuntimeException {
        UnknownPosition(String message) {
            super(message, null, false, false);
        }
    }

    /** An element open at the error: its name, where its start tag begins, its depth (the root's is 0). */
    private record Open(String name, int start, int depth, boolean entry) {
    }

    /** What one lenient pass over a text found, up to the first fatal error. */
    private static final class Scan {
        Open root;
        /** Offset after the root's end tag, or -1 while it is open. */
        int rootEnd = -1;
        /** Open elements, innermost first. */
        final Deque<Open> open = new ArrayDeque<>();
        /** Offset after the last start or end tag read (the offsets after text are not exact). */
        int lastGood;
        /** Name of the first entry met, and the depth of its parent. */
        String entryName;
        int entryParentDepth = -1;
        int completeEntries;
        final Set<String> undeclared = new LinkedHashSet<>();
        boolean doctype;
        /** Set when the positions of the tags could not be told: no repair needing them is made. */
        boolean positionsUnknown;
        private List<Integer> lineStarts;
        /** The first fatal error, without its position; {@code null} when the text was read to its end. */
        String error;

        static Scan of(String served) {
            Scan scan = new Scan();
            String text = withoutMisplacedDeclaration(served);
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Deque<Set<String>> declared = new ArrayDeque<>();
            XMLStreamReader xml = null;
            try {
                xml = factory.createXMLStreamReader(new StringReader(text));
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        scan.doctype = true;
                        return scan;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        scan.started(xml, text, declared);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        scan.ended(xml, text);
                        declared.pop();
                    }
                }
            } catch (UnknownPosition e) {
                scan.positionsUnknown = true;
                scan.error = e.getMessage();
            } catch (XMLStreamException | RuntimeException e) {
                scan.error = messageOf(e);
            } finally {
                close(xml);
            }
            return scan;
        }

        /**
         * The text with an XML declaration that follows comments (a common breakage that Rome's own healer
         * mends) blanked out, so that the scan reads on; the offsets stay those of the text.
         */
        static String withoutMisplacedDeclaration(String text) {
            Matcher declaration = MISPLACED_DECLARATION.matcher(text);
            if (!declaration.lookingAt()) {
                return text;
            }
            String blank = declaration.group(1).replaceAll("[^\\r\\n]", " ");
            return text.substring(0, declaration.start(1)) + blank + text.substring(declaration.end(1));
        }

        private void started(XMLStreamReader xml, String text, Deque<Set<String>> declared) {
            String name = qualified(xml.getPrefix(), xml.getLocalName());
            int end = afterTag(xml, text);
            int start = text.lastIndexOf("<" + name, end - 1);
            if (start < 0) {
                throw new UnknownPosition("the start tag of <" + name + "> is not where the reader says");
            }
            Set<String> here = new HashSet<>();
            List<String> used = new ArrayList<>();
            used.add(name);
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String attribute = qualified(xml.getAttributePrefix(i), xml.getAttributeLocalName(i));
                if (attribute.startsWith("xmlns:")) {
                    here.add(attribute.substring("xmlns:".length()));
                } else {
                    used.add(attribute);
                }
            }
            declared.push(here);
            for (String qname : used) {
                int colon = qname.indexOf(':');
                String prefix = colon > 0 ? qname.substring(0, colon) : null;
                if (prefix != null && !prefix.equals("xml") && !prefix.equals("xmlns")
                        && declared.stream().noneMatch(scope -> scope.contains(prefix))) {
                    undeclared.add(prefix);
                }
            }
            boolean entry = isEntry(name) && open.stream().noneMatch(Open::entry);
            Open element = new Open(name, start, open.size(), entry);
            if (root == null) {
                root = element;
            }
            if (entry && entryName == null) {
                entryName = name;
                entryParentDepth = open.size() - 1;
            }
            open.push(element);
            lastGood = end;
        }

        private void ended(XMLStreamReader xml, String text) {
            Open element = open.pop();
            lastGood = afterTag(xml, text);
            if (element.entry() && element.depth() == entryParentDepth + 1) {
                completeEntries++;
            }
            if (open.isEmpty()) {
                rootEnd = lastGood;
            }
        }

        /**
         * The offset just after the tag the reader is at, from its line and column: StAX's character offsets are
         * not exact. Lines end as XML ends them ({@code \n}, {@code \r\n}, {@code \r}); columns count UTF-16
         * units. The tag must end there with {@code >} (after a lone {@code \r} the column is one short).
         */
        private int afterTag(XMLStreamReader xml, String text) {
            Location at = xml.getLocation();
            int line = at.getLineNumber();
            if (lineStarts == null) {
                lineStarts = lineStarts(text);
            }
            if (line < 1 || line > lineStarts.size() || at.getColumnNumber() < 1) {
                throw new UnknownPosition("the reader's position is unknown");
            }
            int offset = Math.min(text.length(), lineStarts.get(line - 1) + at.getColumnNumber() - 1);
            if (offset < text.length() && text.charAt(offset) == '>') {
                offset++;
            }
            if (offset == 0 || text.charAt(offset - 1) != '>') {
                throw new UnknownPosition("the reader's position is not after a tag");
            }
            return offset;
        }

        private static List<Integer> lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    starts.add(i + 1);
                }
            }
            return starts;
        }

        /** The open element whose parent is the entries' parent, if the error is inside one. */
        Open brokenChild() {
            return entryParentDepth < 0 ? null
                    : open.stream().filter(element -> element.depth() == entryParentDepth + 1).findFirst()
                            .orElse(null);
        }

        private static String qualified(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        /** The parser's message without the position StAX puts before it. */
        private static String messageOf(Exception e) {
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf("Message: ");
            String text = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }

        private static void close(XMLStreamReader xml) {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }
}
