package org.newsroommonitor.classify.bench;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
 * one-line items). The files are parsed without DTDs or external entities, in file-name order.
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
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLReporter((message, type, info, location) -> { });
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                read(factory.createXMLStreamReader(in), articles);
            } catch (IOException | XMLStreamException | RuntimeException e) {
                // ill-formed feeds are part of the corpora: keep what was read before the error
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

    private static void read(XMLStreamReader xml, List<SyntheticNews.Article> out) throws XMLStreamException {
        int depth = 0;
        int itemDepth = -1;
        String title = null;
        String summary = null;
        String content = null;
        StringBuilder value = null;
        String field = null;
        int fieldDepth = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (itemDepth < 0 && (name.equals("item") || name.equals("entry"))) {
                    itemDepth = depth;
                    title = summary = content = null;
                } else if (itemDepth >= 0 && field == null && depth == itemDepth + 1) {
                    field = switch (name) {
                        case "title" -> "title";
                        case "description", "summary" -> "summary";
                        case "encoded", "content" -> "content";
                        default -> null;
                    };
                    if (field != null) {
                        fieldDepth = depth;
                        value = new StringBuilder();
                    }
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && field != null) {
                value.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
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
