package org.newsroommonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.ingest.Fixtures;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void anHtmlPageIsNoFeedAndTheFeedsItLinksToAreListedResolved() {
        byte[] html = ("<!DOCTYPE html>\n<html><head><title>Caucasus Wire</title>"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/style.css\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/feeds/news.rss\">"
                + "<link rel=\"alternate\" type=\"text/html\" hreflang=\"ru\" href=\"/ru/\">"
                + "<link rel=\"Alternate\" type=\"application/atom+xml; charset=utf-8\" href=\"atom.xml\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" "
                + "href=\"https://news.example/feeds/news.rss\">"
                + "</head><body><a href=\"/feed.json\">JSON</a></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(html, "text/html", URI.create("https://news.example/section/")))
                .isInstanceOfSatisfying(WebPageException.class, e -> assertThat(e.feeds()).containsExactly(
                        new FeedLink("https://news.example/feeds/news.rss", "RSS", "application/rss+xml"),
                        new FeedLink("https://news.example/section/atom.xml", null, "application/atom+xml")))
                .hasMessage("this is a web page (HTML), not a feed; it links to these feeds: "
                        + "https://news.example/feeds/news.rss, https://news.example/section/atom.xml");
    }

    @Test
    void anHtmlPageWithoutFeedLinksSaysSo() {
        byte[] html = ("<?xml version=\"1.0\"?>\n<!-- a page -->"
                + "<HTML><head><title>Not a feed</title></head><body/></HTML>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(html, "application/rss+xml"))
                .isInstanceOfSatisfying(WebPageException.class, e -> assertThat(e.feedUrls()).isEmpty())
                .hasMessage("this is a web page (HTML), not a feed; it links to no feed (no <link rel=\"alternate\"> "
                        + "of type RSS, Atom or JSON Feed)");
    }

    @Test
    void anHtmlDoctypeOverAnRssRootIsNoWebPageButStillARefusedDoctype() {
        byte[] feed = ("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                + "\"http://127.0.0.1:1/x.dtd\">\n<rss><channel><title>found</title></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(feed, null))
                .isExactlyInstanceOf(FeedParseException.class)
                .hasMessage("the feed declares a DOCTYPE, which is refused because it could pull in external "
                        + "entities (local files, other URLs)");
    }

    @Test
    void jsonThatIsNoJsonFeedIsSaidToBeJson() {
        byte[] json = "{\"version\": \"1.0\", \"items\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(json, "application/json"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("JSON, but not a JSON Feed (a JSON Feed is an object whose \"version\" is "
                        + "https://jsonfeed.org/version/1 or /version/1.1)");
        assertThatThrownBy(() -> parser.parse(" [1, 2]".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("JSON, but not a JSON Feed (a JSON Feed is an object whose \"version\" is "
                        + "https://jsonfeed.org/version/1 or /version/1.1)");
        assertThatThrownBy(() -> parser.parse("{\"version\": ".getBytes(StandardCharsets.UTF_8), null))
                .hasMessageStartingWith("the body starts like JSON but is not valid JSON at line 1, column ");
    }

    @Test
    void aJsonFeedIsReadWhateverTheContentType() throws Exception {
        byte[] json = ("\uFEFF\n{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", "
                + "\"items\": [{\"id\": \"1\", \"url\": \"https://x.example/1\"}]}").getBytes(StandardCharsets.UTF_8);
        SyndFeed feed = parser.parse(json, "application/rss+xml");
        assertThat(feed.getTitle()).isEqualTo("T");
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo("https://x.example/1");
        assertThat(feed.getEntries().get(0).getWireEntry()).isEqualTo(new JsonFeedItem("1", null, null));
    }

    @Test
    void anEmptyBodyIsNoFeed() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("the body is empty (0 bytes)");
        assertThatThrownBy(() -> parser.parse(" \r\n\t".getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("the body is empty (only whitespace, 4 bytes)");
    }

    @Test
    void compressedBytesAreNamed() {
        assertThatThrownBy(() -> parser.parse(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}, null))
                .hasMessage("the body is gzip-compressed data that could not be decoded (not valid gzip)");
        assertThatThrownBy(() -> parser.parse("BZh91AY&SY".getBytes(StandardCharsets.ISO_8859_1), null))
                .hasMessage("the body is bzip2-compressed data (sent without a Content-Encoding), which is not "
                        + "decoded: only gzip and zlib are");
        assertThatThrownBy(() -> parser.parse(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0}, null))
                .hasMessage("the body is zstd-compressed data (sent without a Content-Encoding), which is not "
                        + "decoded: only gzip and zlib are");
        assertThatThrownBy(() -> parser.parse(new byte[] {'P', 'K', 3, 4, 20, 0}, null))
                .hasMessage("the body is a ZIP archive, not a feed");
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
    void aReadingSaysWhichRepairsItNeeded() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title>"
                + "<link>https://x.example/</link><description>d</description></channel></rss>";
        ParsedFeed asServed = parser.read(feed.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(asServed.repairs()).isEmpty();
        assertThat(asServed.repairNotes()).isNull();

        ParsedFeed charset = parser.read(feed.getBytes(java.nio.charset.Charset.forName("windows-1252")), null, null);
        assertThat(charset.feed().getTitle()).isEqualTo("Caf\u00e9");
        assertThat(charset.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.CHARSET);
        assertThat(charset.repairNotes()).isEqualTo("the character encoding: its bytes are not valid UTF-8 as "
                + "declared, so they were read as Windows-1252");

        byte[] entities = ("junk<rss version=\"2.0\"><channel><title>Bread &amp; water&nbsp;&mdash; Aghdam & Lachin"
                + " &bogus;</title><link>https://x.example/?a=1&b=2</link><description><![CDATA[a & b]]></description>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        ParsedFeed repaired = parser.read(entities, null, null);
        assertThat(repaired.feed().getDescription()).as("an & in CDATA is left alone").isEqualTo("a & b");
        assertThat(repaired.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.LEADING_JUNK,
                Repair.Kind.HTML_ENTITIES, Repair.Kind.BARE_AMPERSANDS);
        assertThat(repaired.repairNotes()).isEqualTo("dropped 4 characters before the first tag; replaced the HTML "
                + "entities &nbsp;, &mdash;, which XML does not know, by their characters; escaped 2 bare & and kept "
                + "the unknown entity &bogus; as text");
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
    void readsUtf32AndUtf16WithoutAByteOrderMarkAndNamesAWrongCharsetWhenTheFeedStaysBroken() throws Exception {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title>"
                + "<link>https://x.example/</link><description>d</description></channel></rss>";
        assertThat(parser.parse(feed.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), null).getTitle())
                .isEqualTo("Caf\u00e9");
        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_16LE), "text/xml; charset=utf-8").getTitle())
                .isEqualTo("Caf\u00e9");

        byte[] broken = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThatThrownBy(() -> parser.parse(broken, null))
                .hasMessage("the feed is not well-formed XML at line 1, column 78: Error on line 1: XML document "
                        + "structures must start and end within the same entity. (the character encoding: its bytes "
                        + "are not valid UTF-8 as declared, so they were read as Windows-1252)");
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

    private static final String CHANNEL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Caucasus Wire</title><link>https://x.example/</link><description>d</description>\n";

    private static String item(String title) {
        return "<item><title>" + title + "</title><link>https://x.example/" + title.toLowerCase() + "</link>"
                + "</item>\n";
    }

    private ParsedFeed read(String feed) throws FeedParseException {
        return parser.read(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null);
    }

    private static List<String> titles(ParsedFeed feed) {
        return feed.feed().getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void declaresTheWellKnownNamespacePrefixesAFeedUsesWithoutDeclaringThem() throws Exception {
        ParsedFeed feed = read(CHANNEL + "<item><title>Aid</title><link>https://x.example/aid</link>"
                + "<content:encoded><![CDATA[<p>Convoy <b>reaches</b> Stepanakert</p>]]></content:encoded>"
                + "<wfw:commentRss>https://x.example/aid/comments</wfw:commentRss>"
                + "<dc:creator>Caucasus Wire staff</dc:creator></item>\n" + item("Bread") + "</channel></rss>");

        assertThat(titles(feed)).containsExactly("Aid", "Bread");
        SyndEntry aid = feed.feed().getEntries().get(0);
        assertThat(aid.getContents()).extracting(SyndContent::getValue)
                .as("content:encoded is read as the content, now that its namespace is known")
                .containsExactly("<p>Convoy <b>reaches</b> Stepanakert</p>");
        assertThat(aid.getAuthor()).isEqualTo("Caucasus Wire staff");
        assertThat(feed.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.UNDECLARED_NAMESPACES);
        assertThat(feed.repairNotes()).isEqualTo("declared the undeclared namespace prefixes content, wfw, dc");
        assertThat(XmlRecovery.WELL_KNOWN_NAMESPACES).containsEntry("content",
                "http://purl.org/rss/1.0/modules/content/").containsEntry("wfw", "http://wellformedweb.org/CommentAPI/");
    }

    @Test
    void bindsAnUnknownUndeclaredPrefixToAPlaceholderSoItsElementsAreIgnored() throws Exception {
        ParsedFeed feed = read(CHANNEL + "<item><title>Aid</title><link>https://x.example/aid</link>"
                + "<mystery:rating mystery:scale=\"5\">4</mystery:rating></item>\n</channel></rss>");

        assertThat(titles(feed)).containsExactly("Aid");
        assertThat(feed.repairNotes()).isEqualTo("bound the unknown undeclared prefix mystery to a placeholder "
                + "namespace (its elements are ignored)");
    }

    @Test
    void keepsTheCompleteItemsOfATruncatedFeed() throws Exception {
        ParsedFeed cutInAnItem = read(CHANNEL + item("Aid") + item("Bread") + "<item><title>Lachin</title><li");
        assertThat(titles(cutInAnItem)).containsExactly("Aid", "Bread");
        assertThat(cutInAnItem.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.CUT_OFF);
        assertThat(cutInAnItem.repairNotes())
                .isEqualTo("the document was cut off after 2 complete items; the incomplete rest was dropped");

        ParsedFeed unclosed = read(CHANNEL + item("Aid") + item("Bread") + item("Lachin"));
        assertThat(titles(unclosed)).containsExactly("Aid", "Bread", "Lachin");
        assertThat(unclosed.repairNotes())
                .isEqualTo("the document ended without closing its elements; they were closed after its 3 complete "
                        + "items");
        assertThat(unclosed.feed().getTitle()).isEqualTo("Caucasus Wire");
    }

    @Test
    void aTruncatedFeedWithoutACompleteItemStaysAnError() {
        assertThatThrownBy(() -> read(CHANNEL + "<item><title>Aid</title><link>https://x.exa"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("the feed is not well-formed XML at line 3");
    }

    @Test
    void dropsJunkAfterTheEndOfTheDocument() throws Exception {
        ParsedFeed feed = read(CHANNEL + item("Aid") + item("Bread") + "</channel></rss>\n<!-- served by x -->\n"
                + "</div></body></html>\n");

        assertThat(titles(feed)).containsExactly("Aid", "Bread");
        assertThat(feed.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.TRAILING_CONTENT);
        assertThat(feed.repairNotes()).isEqualTo("dropped junk after the end of the document (41 characters)");
    }

    @Test
    void dropsASecondRootElementAfterTheDocument() throws Exception {
        ParsedFeed feed = read(CHANNEL + item("Aid") + "</channel></rss>\n<rss version=\"2.0\"><channel>"
                + "<title>Again</title>" + item("Bread") + "</channel></rss>");

        assertThat(titles(feed)).containsExactly("Aid");
        assertThat(feed.feed().getTitle()).isEqualTo("Caucasus Wire");
        assertThat(feed.repairNotes()).isEqualTo("dropped a second root element <rss> after the end of the document");
    }

    @Test
    void dropsABrokenItemAndKeepsTheOthers() throws Exception {
        ParsedFeed feed = read(CHANNEL + item("Aid") + "<item><title>Bread</titel><link>https://x.example/b</link>"
                + "</item>\n" + item("Lachin") + "<item><title>Flour <b>offer</title></item>\n" + item("Corridor")
                + "</channel></rss>");

        assertThat(titles(feed)).containsExactly("Aid", "Lachin", "Corridor");
        assertThat(feed.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.BROKEN_ENTRIES);
        assertThat(feed.repairNotes()).isEqualTo("2 broken items were dropped");
    }

    @Test
    void dropsABrokenAtomEntryAndStrayMarkupBetweenEntries() throws Exception {
        String entry = "<entry><id>urn:x:%1$s</id><title>%1$s</title><link href=\"https://x.example/%1$s\"/>"
                + "<updated>2023-09-12T14:05:00Z</updated></entry>\n";
        ParsedFeed feed = read("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Stepanakert Daily</title>"
                + "<id>urn:x</id><updated>2023-09-12T14:05:00Z</updated>\n" + entry.formatted("Aid")
                + "<entry><id>urn:x:Bread</id><title>Bread</title><link href=\"https://x.example/Bread\"></entry>\n"
                + entry.formatted("Lachin") + "</summary>\n" + entry.formatted("Flour") + "</feed>");

        assertThat(titles(feed)).containsExactly("Aid", "Lachin", "Flour");
        assertThat(feed.repairNotes()).isEqualTo("1 broken entry was dropped; dropped 1 piece of broken markup "
                + "between entries");
    }

    @Test
    void aLastBrokenItemIsDroppedWithTheRestKept() throws Exception {
        ParsedFeed feed = read(CHANNEL + item("Aid") + item("Bread") + "<item><title>Lachin</titl></item>\n"
                + "</channel></rss>");

        assertThat(titles(feed)).containsExactly("Aid", "Bread");
        assertThat(feed.repairNotes()).isEqualTo("1 broken item was dropped");
    }

    @Test
    void repairsCombineAndAreSaidInOrder() throws Exception {
        ParsedFeed feed = read("\n\n" + CHANNEL + item("Aid &amp; water") + "<item><title>Bread &nbsp;</title>"
                + "<link>https://x.example/bread?a=1&b=2</link><content:encoded>x</content:encoded></item>\n"
                + "<item><title>Lachin</title><link>https://x.example/lachin</link></itm>\n" + item("Corridor")
                + "<item><title>Flour</title><lin");

        assertThat(titles(feed)).containsExactly("Aid & water", "Bread \u00a0", "Corridor");
        assertThat(feed.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.LEADING_JUNK,
                Repair.Kind.HTML_ENTITIES, Repair.Kind.BARE_AMPERSANDS, Repair.Kind.UNDECLARED_NAMESPACES,
                Repair.Kind.BROKEN_ENTRIES, Repair.Kind.CUT_OFF);
        assertThat(feed.repairNotes()).isEqualTo("dropped 2 characters before the first tag; replaced the HTML "
                + "entities &nbsp;, which XML does not know, by their characters; escaped 1 bare &; declared the "
                + "undeclared namespace prefix content; 1 broken item was dropped; the document was cut off after 3 "
                + "complete items; the incomplete rest was dropped");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyStructuralRepair(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a9c");
        String truncatedWithDoctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \""
                + secret.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>&leak;</title>"
                + "<link>https://x.example/</link><description>d</description>\n" + item("Aid")
                + "<item><title>&leak;</title><content:encoded>&leak;</content:encoded></item>\n" + item("Bread");

        assertThatThrownBy(() -> read(truncatedWithDoctype))
                .isExactlyInstanceOf(FeedParseException.class)
                .hasMessage("the feed declares a DOCTYPE, which is refused because it could pull in external "
                        + "entities (local files, other URLs)")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("TOP-SECRET"));
        assertThatThrownBy(() -> read("junk before it " + truncatedWithDoctype))
                .as("junk before the DOCTYPE hides it from the strict parse, not from the repairs")
                .hasMessage("the feed declares a DOCTYPE, which is refused because it could pull in external "
                        + "entities (local files, other URLs)");
        assertThat(XmlRecovery.recover(truncatedWithDoctype))
                .as("the structural repairs leave a document with a DOCTYPE alone")
                .isEqualTo(new XmlRepair.Repaired(truncatedWithDoctype, List.of()));
    }

    private static String stackText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

}
