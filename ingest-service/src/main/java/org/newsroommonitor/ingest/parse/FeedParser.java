package org.newsroommonitor.ingest.parse;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses RSS (0.9x, 1.0, 2.0) and Atom with Rome. The character set comes from the XML prolog, the byte order mark
 * and the HTTP {@code Content-Type}, as Rome's {@link XmlReader} resolves them, with a wrong UTF-8 declaration
 * recovered ({@link #decode}). A feed that is not well-formed is repaired at text level ({@link XmlRepair}: junk
 * before the root, undeclared HTML entities such as {@code &nbsp;}, bare {@code &}) and parsed once more; the error
 * reported is that of the feed as served. DOCTYPE declarations are refused
 * (Rome 2's secure default, set explicitly here), so a feed can neither read local files through external entities
 * nor blow up memory with entity expansion. A feed that declares no language in its metadata gets the root
 * element's {@code xml:lang} (the way Atom feeds declare it), which Rome itself ignores.
 */
@ApplicationScoped
public class FeedParser {

    /**
     * @param body        the feed's bytes
     * @param contentType the HTTP {@code Content-Type} header, or {@code null}
     * @return the feed, with the wire feed kept ({@code SyndEntry#getWireEntry()}) for the real guids
     * @throws FeedParseException when the bytes are not a readable RSS/Atom feed
     */
    public SyndFeed parse(byte[] body, String contentType) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("the feed is empty (0 bytes)", null);
        }
        String text = decode(body, contentType);
        try {
            return build(text);
        } catch (FeedException | RuntimeException strict) {
            if (strict instanceof ParsingFeedException parsing && isDoctype(parsing)) {
                throw new FeedParseException(parsingMessage(parsing), strict);
            }
            String repaired = XmlRepair.repair(text);
            if (!repaired.equals(text)) {
                try {
                    return build(repaired);
                } catch (FeedException | RuntimeException stillBroken) {
                    // report the original error: it says what is wrong with the feed as served
                }
            }
            throw new FeedParseException(messageOf(strict, text), strict);
        }
    }

    /** The RSS {@code <ttl>} (minutes) of a parsed feed, if it is RSS and gave one; else {@code null}. */
    public static Duration ttlOf(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
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
     * The feed as text. The character set comes from the BOM, the XML prolog and the HTTP {@code Content-Type}, as
     * Rome's {@link XmlReader} resolves them; when that says UTF-8 (or ASCII) but the bytes are not valid UTF-8 (a
     * wrong declaration, common with Windows-1252 feeds), the bytes are read as Windows-1252 instead.
     */
    static String decode(byte[] body, String contentType) throws FeedParseException {
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
        if (utf8Declared && !validUtf8(body)) {
            text = new String(body, Charset.forName("windows-1252"));
        } else if (text == null) {
            text = new String(body, StandardCharsets.UTF_8);
        }
        if (text == null) {
            throw new FeedParseException("the feed's character encoding could not be read", null);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
