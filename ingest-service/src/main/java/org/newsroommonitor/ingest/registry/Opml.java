package org.newsroommonitor.ingest.registry;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** OPML 2.0 subscription lists, read (DTDs and external entities off) and written. */
public final class Opml {

    private Opml() {
    }

    /** A subscription: the feed URL ({@code xmlUrl}) and its name ({@code title}, else {@code text}). */
    public record Outline(String url, String name) {
    }

    /** Every outline with an {@code xmlUrl}, at any depth (folders are flattened). */
    public static List<Outline> read(byte[] opml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Outline> outlines = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(opml));
            boolean root = true;
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new IllegalArgumentException("the OPML declares a DOCTYPE, which is refused");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (root && !xml.getLocalName().equals("opml")) {
                        throw new IllegalArgumentException("not OPML: the root element is <" + xml.getLocalName()
                                + ">, not <opml>");
                    }
                    root = false;
                    if (xml.getLocalName().equals("outline")) {
                        String url = attribute(xml, "xmlUrl");
                        if (url != null) {
                            String name = attribute(xml, "title");
                            outlines.add(new Outline(url, name != null ? name : attribute(xml, "text")));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the OPML is not well-formed XML: " + e.getMessage(), e);
        }
        return outlines;
    }

    public static String write(String title, List<Outline> outlines) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters(title);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (Outline outline : outlines) {
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                String name = outline.name() == null ? outline.url() : outline.name();
                xml.writeAttribute("text", name);
                xml.writeAttribute("title", name);
                xml.writeAttribute("xmlUrl", outline.url());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
