package org.newsroommonitor.classify.bench;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real feed items as articles: every RSS {@code item} and Atom {@code entry} of the feed files under a directory
 * (the shared robustness corpora, {@code ../shared/corpora}, read in place and never copied into the project),
 * plus the plain-text seed articles ({@code ../shared/seeds/*.txt}). Title = the item's title; summary = its
 * description or summary; text = its content ({@code content:encoded}, Atom {@code content}), else the summary.
 * Markup is removed. Items with fewer than {@value #MIN_WORDS} words are left out (test feeds hold many
 * one-line items). The files are parsed without DTDs (a feed with one is left out) or external entities, in file-name order.
 */
final class FeedArticles {

    static final int MIN_WORDS = 20;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private FeedArticles() {
    }

    /**
     * @throws IllegalStateException when the directory does not exist (the feeds workload is then skipped)
     */
    static List<SyntheticNews.Article> load(Path corpora, Path seeds) {
        if (!Files.isDirectory(corpora)) {
            throw new IllegalStateException("feed corpora not found at " + corpora.toAbsolutePath()
                    + " (system property corpora): the feeds workload is skipped");
        }
        List<SyntheticNews.Article> articles = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpora)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + corpora, e);
        }
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path file : files) {
            Items items = new Items(articles);
            try (InputStream in = Files.newInputStream(file)) {
                SAXParser parser = factory.newSAXParser();
                parser.getXMLReader().setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                parser.getXMLReader().setFeature("http://xml.org/sax/features/external-general-entities", false);
                parser.getXMLReader().setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                parser.parse(in, items);
            } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
                // ill-formed feeds are part of the corpora: keep the items read before the error
            }
        }
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> list = Files.list(seeds)) {
                for (Path seed : list.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String[] paragraphs = Files.readString(seed).strip().split("\\n\\s*\\n", 2);
                    String first = paragraphs[0].strip();
                    articles.add(new SyntheticNews.Article(first.split("(?<=\\.)\\s", 2)[0], first,
                            paragraphs.length > 1 ? first + "\n\n" + paragraphs[1].strip() : first));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + seeds, e);
            }
        }
        return articles;
    }

    /** Collects the items of one feed; a DefaultHandler reports errors by exceptions only, printing nothing. */
    private static final class Items extends DefaultHandler {
        private final List<SyntheticNews.Article> out;
        private int depth;
        private int itemDepth = -1;
        private String title;
        private String summary;
        private String content;
        private String field;
        private int fieldDepth = -1;
        private final StringBuilder value = new StringBuilder();

        Items(List<SyntheticNews.Article> out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (itemDepth < 0 && (localName.equals("item") || localName.equals("entry"))) {
                itemDepth = depth;
                title = summary = content = null;
            } else if (itemDepth >= 0 && field == null && depth == itemDepth + 1) {
                field = switch (localName) {
                    case "title" -> "title";
                    case "description", "summary" -> "summary";
                    case "encoded", "content" -> "content";
                    default -> null;
                };
                if (field != null) {
                    fieldDepth = depth;
                    value.setLength(0);
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (field != null) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (field != null && depth == fieldDepth) {
                String text = clean(value.toString());
                switch (field) {
                    case "title" -> title = text;
                    case "summary" -> summary = text;
                    default -> content = text;
                }
                field = null;
            } else if (depth == itemDepth) {
                itemDepth = -1;
                add(title, summary, content, out);
            }
            depth--;
        }
    }

    private static void add(String title, String summary, String content, List<SyntheticNews.Article> out) {
        String text = content != null && !content.isBlank() ? content : summary;
        String all = (title == null ? "" : title) + " " + (summary == null ? "" : summary) + " "
                + (content == null ? "" : content);
        if (SPACE.split(all.strip()).length >= MIN_WORDS) {
            out.add(new SyntheticNews.Article(title, summary, text));
        }
    }

    /** Markup removed (escaped HTML in descriptions arrives as text), the basic entities decoded, spaces joined. */
    private static String clean(String html) {
        String text = TAGS.matcher(html).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
