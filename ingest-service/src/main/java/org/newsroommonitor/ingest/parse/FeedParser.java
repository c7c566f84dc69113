package org.newsroommonitor.ingest.parse;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.ingest.parse.XmlRepair.Repaired;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a fetched body as a feed, whatever its {@code Content-Type} says: a JSON object whose {@code version} is
 * {@code https://jsonfeed.org/version/...} as a JSON Feed ({@link JsonFeedReader}), an HTML page as no feed but
 * with the feeds it links to ({@link WebPage}), an empty, compressed or JSON body that is no feed with that said
 * plainly; anything else as XML.
 * <p>
 * Parses RSS (0.9x, 1.0, 2.0) and Atom with Rome. The character set comes from the XML prolog, the byte order mark
 * and the HTTP {@code Content-Type}, as Rome's {@link XmlReader} resolves them, with a wrong UTF-8 declaration
 * recovered ({@link #decode}). A feed that is not well-formed is repaired at text level ({@link XmlRepair}: junk
 * before the root, undeclared HTML entities such as {@code &nbsp;}, bare {@code &}) and parsed once more, then,
 * if need be, repaired in its structure ({@link XmlRecovery}: undeclared namespace prefixes declared, a cut-off
 * document closed after its complete entries, junk or a second root after the document dropped, broken entries
 * dropped) and parsed once more; when it stays unreadable, the error reported is that of the feed as served. The
 * repairs a feed needed, the character encoding's among them, come with it ({@link ParsedFeed}), so that its status
 * can say so. DOCTYPE declarations are refused (Rome 2's secure default, set explicitly here), and a document with
 * one is not repaired, so a feed can neither read local files through external entities
 * nor blow up memory with entity expansion. A feed that declares no language in its metadata gets the root
 * element's {@code xml:lang} (the way Atom feeds declare it), which Rome itself ignores.
 */
@ApplicationScoped
public class FeedParser {

    /** The repairs tried after a strict parse failed, in order, each on the text the one before left. */
    private static final List<Function<String, Repaired>> REPAIR_STAGES =
            List.of(XmlRepair::repair, XmlRecovery::recover);

    /** {@link #parse(byte[], String, URI)} of a body whose address is not known (links of a web page stay relative). */
    public SyndFeed parse(byte[] body, String contentType) throws FeedParseException {
        return parse(body, contentType, null);
    }

    /** The feed of {@link #read(byte[], String, URI)}, without the repairs it needed. */
    public SyndFeed parse(byte[] body, String contentType, URI address) throws FeedParseException {
        return read(body, contentType, address).feed();
    }

    /**
     * Reads a feed, strictly first; only when that fails, once more after the text-level repairs
     * ({@link XmlRepair}), then once more after the structural ones ({@link XmlRecovery}), each on top of the last.
     *
     * @param body        the feed's bytes
     * @param contentType the HTTP {@code Content-Type} header, or {@code null}; it does not decide the format
     * @param address     where the body was fetched from (after redirects), to resolve the feed links of a web page
     *                    against; or {@code null}
     * @return the feed, with the wire feed kept ({@code SyndEntry#getWireEntry()}) for the real guids, and the
     *         repairs it needed (a character encoding read otherwise than declared among them)
     * @throws FeedParseException when the bytes are not a readable RSS, Atom or JSON feed, with the error of the
     *                            feed as served; a {@link WebPageException} when they are a web page, with the
     *                            feeds it links to
     */
    public ParsedFeed read(byte[] body, String contentType, URI address) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("the body is empty (0 bytes)", null);
        }
        String compressed = compressedKind(body);
        if (compressed != null) {
            throw new FeedParseException(compressed, null);
        }
        if (JsonFeedReader.looksLikeJson(body)) {
            return new ParsedFeed(JsonFeedReader.read(body), List.of());
        }
        Decoded decoded = decode(body, contentType);
        String text = decoded.text();
        if (text.isBlank()) {
            throw new FeedParseException("the body is empty (only whitespace, " + body.length + " bytes)", null);
        }
        if (WebPage.isHtml(text)) {
            throw WebPage.notAFeed(WebPage.feedLinks(text, address));
        }
        List<Repair> repairs = new ArrayList<>();
        if (decoded.problem() != null) {
            repairs.add(new Repair(Repair.Kind.CHARSET, "the character encoding: " + decoded.problem()));
        }
        try {
            return new ParsedFeed(build(text), repairs);
        } catch (FeedException | RuntimeException strict) {
            if (strict instanceof ParsingFeedException parsing && isDoctype(parsing)) {
                throw new FeedParseException(parsingMessage(parsing), strict);
            }
            String tried = text;
            for (Function<String, Repaired> stage : REPAIR_STAGES) {
                Repaired attempt = stage.apply(tried);
                if (attempt.text().equals(tried)) {
                    continue;
                }
                tried = attempt.text();
                repairs.addAll(attempt.repairs());
                try {
                    return new ParsedFeed(build(tried), repairs);
                } catch (FeedException | RuntimeException stillBroken) {
                    if (stillBroken instanceof ParsingFeedException parsing && isDoctype(parsing)) {
                        // junk before a DOCTYPE hid it from the strict parse: the DOCTYPE is the reason
                        throw new FeedParseException(parsingMessage(parsing), strict);
                    }
                    // else on to the next stage; in the end the error of the feed as served is reported
                }
            }
            throw new FeedParseException(messageOf(strict, text) + charsetNote(decoded, text), strict);
        }
    }

    /** The RSS {@code <ttl>} (minutes) of a parsed feed, if it is RSS and gave one; else {@code null}. */
    public static Duration ttlOf(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    /**
     * What a compressed body is, said plainly, when its first bytes are those of a compressed format: the fetcher
     * decodes gzip and zlib (declared or not), so such a body here could not be decoded, and bzip2, zstd and ZIP
     * are not decoded at all. {@code null} for any other body.
     */
    static String compressedKind(byte[] body) {
        if (startsWith(body, 0x1f, 0x8b)) {
            return "the body is gzip-compressed data that could not be decoded (not valid gzip)";
        }
        if (startsWith(body, 'B', 'Z', 'h') && body.length > 3 && body[3] >= '1' && body[3] <= '9') {
            return "the body is bzip2-compressed data (sent without a Content-Encoding), which is not decoded: only "
                    + "gzip and zlib are";
        }
        if (startsWith(body, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "the body is zstd-compressed data (sent without a Content-Encoding), which is not decoded: only "
                    + "gzip and zlib are";
        }
        if (startsWith(body, 'P', 'K', 3, 4)) {
            return "the body is a ZIP archive, not a feed";
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the character encoding has to do with a failure, if anything, in plain words; else "". */
    private static String charsetNote(Decoded decoded, String text) {
        if (decoded.problem() != null) {
            return " (the character encoding: " + decoded.problem() + ")";
        }
        if (text.substring(0, Math.min(text.length(), 1024)).indexOf('\u0000') >= 0) {
            return " (the text holds NUL characters: it is probably UTF-16 or UTF-32 with neither a byte order mark "
                    + "nor a declaration saying so)";
        }
        return "";
    }

    private static String messageOf(Exception error, String text) {
        if (error instanceof ParsingFeedException parsing) {
            return parsingMessage(parsing);
        }
        if (error instanceof FeedException || error instanceof IllegalArgumentException) {
            if ("Invalid document".equals(error.getMessage())) {
                return "not an RSS or Atom feed: the root element " + rootElement(text)
                        + " is no feed format Rome knows";
            }
            return "not an RSS or Atom feed: " + error.getMessage();
        }
        return "the feed could not be read (Rome failed on it: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
    }

    /** {@code <name>} with its namespace, for messages; DTDs off. */
    private static String rootElement(String text) {
        return atRoot(text, xml -> {
            String namespace = xml.getNamespaceURI();
            return "<" + xml.getLocalName() + ">"
                    + (namespace == null || namespace.isEmpty() ? "" : " (namespace " + namespace + ")");
        }).orElse("(unreadable)");
    }

    private static SyndFeed build(String text) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true);
        SyndFeed feed = input.build(new StringReader(text));
        if (feed.getLanguage() == null || feed.getLanguage().isBlank()) {
            feed.setLanguage(rootXmlLang(text));
        }
        return feed;
    }

    /**
     * The feed as text, and what was wrong with its character set, if anything. The character set comes from the
     * BOM, the XML prolog and the HTTP {@code Content-Type}, as Rome's {@link XmlReader} resolves them; UTF-32
     * without a BOM is recognised by its first character {@code <}. When that says UTF-8 (or ASCII) but the bytes
     * are not valid UTF-8 (a wrong declaration, common with Windows-1252 feeds), the bytes are read as Windows-1252
     * instead, or, after a UTF-8 BOM, as UTF-8 with the invalid bytes replaced.
     */
    static Decoded decode(byte[] body, String contentType) throws FeedParseException {
        Charset unicode = unmarkedUnicodeOf(body);
        if (unicode != null) {
            String text = new String(body, unicode);
            return new Decoded(stripBom(text), text.startsWith("\uFEFF") ? null : "it is " + unicode.name()
                    + " without a byte order mark, recognised by its first characters");
        }
        String encoding;
        String text;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            encoding = reader.getEncoding();
            text = readAll(reader);
        } catch (IOException | RuntimeException e) {
            encoding = null; // an unknown or contradictory declaration: read the bytes as UTF-8 or Windows-1252
            text = null;
        }
        boolean utf8Declared = encoding == null || encoding.equalsIgnoreCase("UTF-8")
                || encoding.equalsIgnoreCase("US-ASCII");
        String problem = null;
        if (utf8Declared && !validUtf8(body)) {
            if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
                text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
                problem = "its bytes are not all valid UTF-8 although its byte order mark says UTF-8 (the invalid "
                        + "ones were read as \uFFFD)";
            } else {
                text = new String(body, Charset.forName("windows-1252"));
                problem = "its bytes are not valid " + (encoding == null ? "UTF-8" : encoding)
                        + (encoding == null ? " (no usable encoding is declared)" : " as declared")
                        + ", so they were read as Windows-1252";
            }
        } else if (text == null) {
            text = new String(body, StandardCharsets.UTF_8);
            problem = "its declared character encoding is unknown or contradicts the Content-Type, so it was read "
                    + "as UTF-8";
        }
        if (text == null) {
            throw new FeedParseException("the feed's character encoding could not be read", null);
        }
        return new Decoded(stripBom(text), problem);
    }

    /**
     * A body as text.
     *
     * @param text    the text, BOM removed
     * @param problem what was wrong with its character encoding, in plain words (a repair of the feed that was
     *                read, part of the error of one that could not be), else {@code null}
     */
    record Decoded(String text, String problem) {
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * UTF-32 when the bytes start with its BOM or with {@code <?} in UTF-32, which XmlReader does not guess; UTF-16
     * when they start with {@code <?} in UTF-16 without a BOM (whatever a declaration or Content-Type says).
     */
    private static Charset unmarkedUnicodeOf(byte[] body) {
        if (startsWith(body, 0, 0, 0xfe, 0xff) || startsWith(body, 0, 0, 0, '<', 0, 0, 0, '?')) {
            return Charset.forName("UTF-32BE");
        }
        if (startsWith(body, 0xff, 0xfe, 0, 0) || startsWith(body, '<', 0, 0, 0, '?', 0, 0, 0)) {
            return Charset.forName("UTF-32LE");
        }
        if (startsWith(body, 0, '<', 0, '?')) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(body, '<', 0, '?', 0)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = reader.read(buffer)) != -1; ) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The {@code xml:lang} of the root element, which Rome does not read for Atom. Only called on a document Rome
     * has accepted (well-formed, no DOCTYPE); reads no further than the root element, with DTDs and external
     * entities off all the same.
     */
    static String rootXmlLang(String text) {
        return atRoot(text, xml -> {
            String lang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
            return lang == null || lang.isBlank() ? null : lang.strip();
        }).orElse(null);
    }

    /**
     * What {@code read} takes from the root element, reading no further than it, with DTDs and external entities
     * off; empty when the text has no readable root element or {@code read} gives null.
     */
    private static <T> Optional<T> atRoot(String text, Function<XMLStreamReader, T> read) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        return Optional.ofNullable(read.apply(xml));
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // no readable root element
        }
        return Optional.empty();
    }

    private static boolean isDoctype(ParsingFeedException e) {
        String detail = detail(e);
        return detail != null && detail.contains("DOCTYPE");
    }

    /** The message of the parser error Rome wraps, else Rome's own. */
    private static String detail(ParsingFeedException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }

    private static String parsingMessage(ParsingFeedException e) {
        if (isDoctype(e)) {
            return "the feed declares a DOCTYPE, which is refused because it could pull in external entities "
                    + "(local files, other URLs)";
        }
        if (e.getCause() instanceof NullPointerException npe && npe.getMessage() != null
                && npe.getMessage().contains("\"eChannel\" is null")) {
            return "not an RSS feed: the <rss> element has no <channel>";
        }
        if (e.getCause() instanceof RuntimeException bug) {
            return "the feed could not be read (Rome failed on it: " + bug.getClass().getSimpleName()
                    + (bug.getMessage() == null ? "" : ": " + bug.getMessage()) + ")";
        }
        String position = e.getLineNumber() > 0
                ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
        return "the feed is not well-formed XML" + position + ": " + detail(e);
    }
}
