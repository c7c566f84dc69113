package org.newsroommonitor.ingest.feed;

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

/**
 * Parses RSS (0.9x, 1.0, 2.0) and Atom with Rome. The character set comes from the XML prolog, the byte order mark
 * and the HTTP {@code Content-Type}, as Rome's {@link XmlReader} resolves them. DOCTYPE declarations are refused
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
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setPreserveWireFeed(true);
            SyndFeed feed = input.build(reader);
            if (feed.getLanguage() == null || feed.getLanguage().isBlank()) {
                feed.setLanguage(rootXmlLang(body, contentType));
            }
            return feed;
        } catch (ParsingFeedException e) {
            throw new FeedParseException(parsingMessage(e), e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("the feed's character encoding could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code xml:lang} of the root element, which Rome does not read for Atom. Only called on a document Rome
     * has accepted (well-formed, no DOCTYPE); reads no further than the root element, with DTDs and external
     * entities off all the same.
     */
    static String rootXmlLang(byte[] body, String contentType) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            XMLStreamReader xml = factory.createXMLStreamReader(reader);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String lang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                        return lang == null || lang.isBlank() ? null : lang.strip();
                    }
                }
                return null;
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException e) {
            return null;
        }
    }

    private static String parsingMessage(ParsingFeedException e) {
        String detail = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : e.getMessage();
        if (detail != null && detail.contains("DOCTYPE")) {
            return "the feed declares a DOCTYPE, which is refused because it could pull in external entities "
                    + "(local files, other URLs)";
        }
        String position = e.getLineNumber() > 0
                ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
        return "the feed is not well-formed XML" + position + ": " + detail;
    }
}
