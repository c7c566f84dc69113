package org.newsroommonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.ingest.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void parsesRssAndAtom() throws Exception {
        SyndFeed rss = parser.parse(Fixtures.feed("caucasus-wire.rss"), "application/rss+xml");
        assertThat(rss.getTitle()).isEqualTo("Caucasus Wire");
        assertThat(rss.getEntries()).hasSize(4);

        SyndFeed atom = parser.parse(Fixtures.feed("stepanakert-daily.atom"), null);
        assertThat(atom.getTitle()).isEqualTo("Stepanakert Daily");
        assertThat(atom.getEntries()).hasSize(2);
    }

    @Test
    void malformedXmlEndsInAClearError() {
        byte[] broken = "<rss version=\"2.0\"><channel><title>Broken</channel></rss>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(broken, "application/rss+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("the feed is not well-formed XML at line 1");
    }

    @Test
    void anHtmlPageIsNoFeed() {
        byte[] html = "<html><head><title>Not a feed</title></head><body/></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(html, "text/html"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not an RSS or Atom feed");
    }

    @Test
    void anEmptyBodyIsNoFeed() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("the feed is empty (0 bytes)");
    }

    @Test
    void anXxeFeedIsRefusedWithoutLeakingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a9c");
        String xxe = new String(Fixtures.feed("xxe.rss"), StandardCharsets.UTF_8)
                .replace("file://SECRET_FILE", secret.toUri().toString());

        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("TOP-SECRET")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("TOP-SECRET"));
    }

    @Test
    void theCharsetComesFromTheXmlPrologOrTheHttpHeader() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><title>Step\u00e1nakert \u0531\u0580\u0581\u0561\u056d</title>"
                + "<link>https://x.example/</link><description>d</description></channel></rss>";
        byte[] latin1Prolog = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + feed.replace(" \u0531\u0580\u0581\u0561\u056d", "")).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin1Prolog, null).getTitle()).isEqualTo("Step\u00e1nakert");

        byte[] utf16 = feed.getBytes(StandardCharsets.UTF_16BE);
        assertThat(parser.parse(utf16, "application/rss+xml; charset=UTF-16BE").getTitle())
                .isEqualTo("Step\u00e1nakert \u0531\u0580\u0581\u0561\u056d");
    }

    @Test
    void recoversUndeclaredHtmlEntitiesAndBareAmpersandsWithoutADtd() throws Exception {
        byte[] broken = ("<rss version=\"2.0\"><channel><title>Bread &amp; water&nbsp;&mdash; Stepanakert & Aghdam"
                + " &bogus;</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>Caf&eacute; closes</title><link>https://x.example/1?a=1&b=2</link></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        SyndFeed feed = parser.parse(broken, "application/rss+xml");
        assertThat(feed.getTitle()).isEqualTo("Bread & water\u00a0\u2014 Stepanakert & Aghdam &bogus;");
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Caf\u00e9 closes");
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo("https://x.example/1?a=1&b=2");
    }

    @Test
    void recoversAWrongDeclaredCharset() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Caf\u00e9 \u2013 na\u00efve</title><link>https://x.example/</link>"
                + "<description>d</description>"
                + "</channel></rss>";
        byte[] windows1252 = feed.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(windows1252, "text/xml; charset=utf-8").getTitle())
                .isEqualTo("Caf\u00e9 \u2013 na\u00efve");
    }

    @Test
    void recoversAByteOrderMarkAndJunkBeforeThePrologue() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://x.example/</link><description>d</description></channel></rss>";
        byte[] bom = ("\uFEFF" + feed).getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bom, "application/rss+xml").getTitle()).isEqualTo("T");
        byte[] leadingJunk = ("\n\n  \uFEFF" + feed).getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(leadingJunk, null).getTitle()).isEqualTo("T");
    }

    @Test
    void aDoctypeIsStillRefusedAfterRepairWasPossible() {
        byte[] doctype = ("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://127.0.0.1:1/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>&nbsp;</title>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(doctype, null)).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private static String stackText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

}
