package org.newsroommonitor.ingest.article;

import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;
import org.newsroommonitor.messages.Enclosure;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntryMapperTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String RSS_URL = "http://127.0.0.1:8090/feeds/caucasus-wire.rss";
    private static final String ATOM_URL = "http://127.0.0.1:8090/feeds/stepanakert-daily.atom";
    private static final ArticleSource CAUCASUS_WIRE =
            new ArticleSource(RSS_URL, "Caucasus Wire", "https://caucasus-wire.example/");
    private static final ArticleSource STEPANAKERT_DAILY =
            new ArticleSource(ATOM_URL, "Stepanakert Daily", "https://stepanakert-daily.example/");

    private final EntryMapper mapper = new EntryMapper();

    @Test
    void rssItemWithEverything() throws Exception {
        Article article = rss().get(0);

        String canonical = "https://caucasus-wire.example/2023/09/12/russian-red-cross-truck-reaches-karabakh";
        assertThat(article.schemaVersion()).isEqualTo(1);
        assertThat(article.id()).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.url()).isEqualTo("https://Caucasus-Wire.example:443/2023/09/12/"
                + "russian-red-cross-truck-reaches-karabakh?utm_source=rss&utm_medium=feed#top");
        assertThat(article.canonicalUrl()).isEqualTo(canonical);
        assertThat(article.guid()).isEqualTo("caucasus-wire-2023-0912-aid");
        assertThat(article.title()).isEqualTo("Russian Red Cross truck reaches Karabakh through Aghdam");
        assertThat(article.summary()).isEqualTo(
                "A single Russian Red Cross lorry with 15 tonnes of food entered Nagorno-Karabakh from Aghdam.");
        assertThat(article.text()).isEqualTo(
                "A single Russian Red Cross lorry with 15 tonnes of food entered Nagorno-Karabakh from Aghdam. "
                        + "Moscow called the delivery a first step towards restoring relief supplies.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-12T14:05:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
        assertThat(article.firstSeen()).isEqualTo(NOW);
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.authors()).containsExactly("Caucasus Wire staff");
        assertThat(article.categories()).containsExactly("Karabakh", "Humanitarian");
        assertThat(article.sources()).containsExactly(CAUCASUS_WIRE);
        assertThat(article.contentHash())
                .isEqualTo(sha256Hex(article.title() + "\n" + article.summary() + "\n" + article.text()));
    }

    @Test
    void rssItemWithoutDateGuidOrContentAndARelativeLink() throws Exception {
        Article article = rss().get(1);

        assertThat(article.url()).isEqualTo("https://caucasus-wire.example/2023/09/13/bread-rationed-in-stepanakert");
        assertThat(article.canonicalUrl()).isEqualTo(article.url());
        assertThat(article.id()).isEqualTo(ArticleId.ofCanonicalUrl(article.url()));
        assertThat(article.guid()).isNull();
        assertThat(article.summary()).isEqualTo("Bakeries in Stepanakert hand out one loaf per family & day.");
        assertThat(article.text()).isEqualTo(article.summary());
        assertThat(article.published()).isEqualTo(NOW);
        assertThat(article.publishedSource()).isEqualTo(Article.FIRST_SEEN);
        assertThat(article.authors()).isEmpty();
        assertThat(article.categories()).isEmpty();
    }

    @Test
    void aDateInTheFutureFallsBackToFirstSeen() throws Exception {
        Article article = rss().get(2);

        assertThat(article.guid()).isEqualTo("https://caucasus-wire.example/?p=1404");
        assertThat(article.canonicalUrl()).isEqualTo("https://caucasus-wire.example/2023/09/14/lachin-reopen");
        assertThat(article.published()).isEqualTo(NOW);
        assertThat(article.publishedSource()).isEqualTo(Article.FIRST_SEEN);
    }

    @Test
    void anItemWithoutLinkIsIdentifiedByItsGuid() throws Exception {
        Article article = rss().get(3);

        assertThat(article.id()).isEqualTo("41db6b7eb3413543de3616f4d15b30a5");
        assertThat(article.url()).isNull();
        assertThat(article.canonicalUrl()).isNull();
        assertThat(article.guid()).isEqualTo("caucasus-wire-2023-0915-flour");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-15T07:30:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
    }

    @Test
    void atomEntryWithHtmlTitleSummaryAndContent() throws Exception {
        Article article = atom().get(0);

        assertThat(article.url()).isEqualTo(
                "https://stepanakert-daily.example/news/convoy-waits?id=7&fbclid=abc&gclid=x");
        assertThat(article.canonicalUrl()).isEqualTo("https://stepanakert-daily.example/news/convoy-waits?id=7");
        assertThat(article.id()).isEqualTo(ArticleId.ofCanonicalUrl(article.canonicalUrl()));
        assertThat(article.guid()).isEqualTo("tag:stepanakert-daily.example,2023:convoy-waits");
        assertThat(article.title()).isEqualTo("Aid convoy waits at Hakari bridge");
        assertThat(article.summary()).isEqualTo("Trucks with 400 tonnes of food wait at the Hakari bridge.");
        assertThat(article.text()).isEqualTo("Trucks with 400 tonnes of food wait at the Hakari bridge. "
                + "Drivers have slept in their cabs for a week.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-18T08:00:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
        assertThat(article.language()).isEqualTo("hy"); // from xml:lang="hy-AM"
        assertThat(article.authors()).containsExactly("Anna Petrosyan", "Davit Hakobyan");
        assertThat(article.categories()).containsExactly("Blockade", "Convoys");
        assertThat(article.sources()).containsExactly(STEPANAKERT_DAILY);
    }

    @Test
    void atomEntryWithOnlyAnUpdatedDateAndPlainTextContent() throws Exception {
        Article article = atom().get(1);

        assertThat(article.title()).isEqualTo("Fuel shortage closes bakeries");
        assertThat(article.summary()).isEmpty();
        // type="text": markup-looking text is text, not HTML
        assertThat(article.text()).isEqualTo("Without fuel, 3 of 5 bakeries stopped; the rest bake <b>at night</b>.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-20T09:15:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.UPDATED_FROM_FEED);
        assertThat(article.authors()).isEmpty();
    }

    @Test
    void languageCodesAreNormalisedToIso6391() {
        assertThat(LanguageCodes.toIso6391("en-us")).isEqualTo("en");
        assertThat(LanguageCodes.toIso6391("RU_ru")).isEqualTo("ru");
        assertThat(LanguageCodes.toIso6391("hye")).isEqualTo("hy");
        assertThat(LanguageCodes.toIso6391("arm")).isEqualTo("hy");
        assertThat(LanguageCodes.toIso6391("aze")).isEqualTo("az");
        assertThat(LanguageCodes.toIso6391("xx")).isNull();
        assertThat(LanguageCodes.toIso6391("english")).isNull();
        assertThat(LanguageCodes.toIso6391(null)).isNull();
    }

    @Test
    void keepsASanitisedHtmlSummaryTheImageAndTheEnclosures() throws Exception {
        List<Article> rich = richArticles();
        Article convoy = rich.get(0);

        assertThat(convoy.url()).isEqualTo("https://rich.example/2023/09/12/convoy");
        assertThat(convoy.summaryHtml()).isEqualTo("<p>Twenty <b>trucks</b> with flour waited at the checkpoint for a "
                + "second day. <a href=\"https://rich.example/tags/lachin\" rel=\"nofollow\">More on Lachin</a>  </p>");
        assertThat(convoy.summary()).isEqualTo(
                "Twenty trucks with flour waited at the checkpoint for a second day. More on Lachin");
        assertThat(convoy.imageUrl()).as("the first image of the HTML")
                .isEqualTo("https://rich.example/img/convoy.jpg");
        assertThat(convoy.enclosures()).containsExactly(new Enclosure(
                "https://rich.example/audio/convoy.mp3", "audio/mpeg", 1048576));

        assertThat(rich.get(1).imageUrl()).as("media:thumbnail").isEqualTo("https://rich.example/img/thumb.jpg");
        assertThat(rich.get(1).summaryHtml()).as("plain text, escaped").startsWith("Двадцать грузовиков");
        assertThat(rich.get(2).imageUrl()).as("an image enclosure").isEqualTo("https://rich.example/img/trucks.png");
    }

    @Test
    void detectsTheLanguageWhenTheFeedDeclaresNone() throws Exception {
        List<Article> rich = richArticles();
        assertThat(rich).extracting(Article::language).containsExactly("en", "ru", "hy");
        assertThat(new EntryMapper().map(parse("rich.rss").getEntries().get(0), parse("rich.rss"), RICH_URL, NOW, NOW)
                .orElseThrow().language()).as("without a detector").isNull();
    }

    @Test
    void readsDatesInFormatsBeyondRfc822() throws Exception {
        Article convoy = richArticles().get(0);
        assertThat(convoy.published()).isEqualTo(Instant.parse("2023-09-12T12:05:00Z"));
        assertThat(convoy.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
    }

    private static final String RICH_URL = "https://rich.example/feed.rss";
    private static final LanguageDetection DETECTOR = new LanguageDetection(List.of("en", "ru", "hy", "az"));

    private List<Article> richArticles() throws Exception {
        SyndFeed feed = parse("rich.rss");
        EntryMapper detecting = new EntryMapper(DETECTOR);
        return feed.getEntries().stream().map(entry -> detecting.map(entry, feed, RICH_URL, NOW, NOW).orElseThrow())
                .toList();
    }

    private static SyndFeed parse(String fixture) throws Exception {
        return new FeedParser().parse(Fixtures.feed(fixture), null);
    }

    private List<Article> rss() throws Exception {
        return mapAll("caucasus-wire.rss", RSS_URL, 4);
    }

    private List<Article> atom() throws Exception {
        return mapAll("stepanakert-daily.atom", ATOM_URL, 2);
    }

    private List<Article> mapAll(String fixture, String feedUrl, int expectedEntries) throws Exception {
        SyndFeed feed = new FeedParser().parse(Fixtures.feed(fixture), null);
        assertThat(feed.getEntries()).hasSize(expectedEntries);
        List<Article> articles = feed.getEntries().stream()
                .map(entry -> mapper.map(entry, feed, feedUrl, NOW, NOW).orElseThrow())
                .toList();
        // every article ingest maps is a valid message of the wire contract
        for (Article article : articles) {
            assertThat(SCHEMAS.problem(MessageType.ARTICLE, Messages.mapper().valueToTree(article))).isEmpty();
        }
        return articles;
    }

    private static final MessageSchemas SCHEMAS = new MessageSchemas();


    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
