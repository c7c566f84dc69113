package org.newsroommonitor.ingest.article;

import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;
import org.newsroommonitor.messages.Enclosure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Feed 1.0 and 1.1, whatever the Content-Type, mapped field by field into the article RSS and Atom give. */
class JsonFeedMappingTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String FEED_URL = "http://127.0.0.1:8090/feeds/caucasus-wire.json";

    private static final String VERSION_1_1 = """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Caucasus Wire",
              "home_page_url": "https://caucasus-wire.example/",
              "feed_url": "https://caucasus-wire.example/feed.json",
              "language": "en-GB",
              "authors": [{"name": "Wire desk"}],
              "items": [
                {
                  "id": "cw-2023-0912-aid",
                  "url": "https://caucasus-wire.example/2023/09/12/aid?utm_source=json",
                  "external_url": "https://icrc.example/news/aid",
                  "title": "Red Cross truck reaches Karabakh",
                  "summary": "One lorry with 15 tonnes of food.",
                  "content_html": "<p>One lorry with <b>15 tonnes</b> of food entered from Aghdam.</p>",
                  "content_text": "Not read: the HTML is there.",
                  "date_published": "2023-09-12T14:05:00+02:00",
                  "date_modified": "2023-09-12T15:00:00Z",
                  "authors": [{"name": "Anna Petrosyan", "url": "https://caucasus-wire.example/anna"},
                              {"name": "Ruben Avagyan"}],
                  "tags": ["Karabakh", "Humanitarian"],
                  "image": "/images/truck.jpg",
                  "banner_image": "https://caucasus-wire.example/images/banner.jpg",
                  "attachments": [{"url": "https://caucasus-wire.example/audio/aid.mp3", "mime_type": "audio/mpeg",
                                   "size_in_bytes": 123456, "title": "Report"}]
                },
                {
                  "id": 42,
                  "external_url": "https://icrc.example/news/flour",
                  "content_text": "Flour offer via  Aghdam.",
                  "date_modified": "2023-09-15T08:00:00Z",
                  "banner_image": "https://caucasus-wire.example/images/flour.jpg"
                }
              ]
            }
            """;

    private static final String VERSION_1 = """
            {
              "version": "https://jsonfeed.org/version/1",
              "title": "Stepanakert Daily",
              "home_page_url": "https://stepanakert-daily.example/",
              "author": {"name": "Daily desk"},
              "items": [
                {
                  "id": "sd-1",
                  "url": "https://stepanakert-daily.example/news/1",
                  "title": "Bread rationed",
                  "summary": "Bread <rationed>.",
                  "content_text": "Bread is rationed in Stepanakert.",
                  "date_published": "2023-09-13T09:30:00Z",
                  "author": {"name": "Lilit Grigoryan"},
                  "tags": ["Stepanakert"],
                  "image": "https://stepanakert-daily.example/bread.png",
                  "attachments": [{"url": "https://stepanakert-daily.example/bread.pdf",
                                   "mime_type": "application/pdf"}]
                }
              ]
            }
            """;

    private final EntryMapper mapper = new EntryMapper();

    @Test
    void jsonFeed11ItemWithEverything() throws Exception {
        List<Article> articles = map(VERSION_1_1, "text/plain; charset=utf-8");
        assertThat(articles).hasSize(2);
        Article article = articles.get(0);

        String canonical = "https://caucasus-wire.example/2023/09/12/aid";
        assertThat(article.schemaVersion()).isEqualTo(1);
        assertThat(article.id()).isEqualTo(ArticleId.ofCanonicalUrl(canonical));
        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.url()).isEqualTo("https://caucasus-wire.example/2023/09/12/aid?utm_source=json");
        assertThat(article.canonicalUrl()).isEqualTo(canonical);
        assertThat(article.guid()).isEqualTo("cw-2023-0912-aid");
        assertThat(article.title()).isEqualTo("Red Cross truck reaches Karabakh");
        assertThat(article.summary()).isEqualTo("One lorry with 15 tonnes of food.");
        assertThat(article.text()).isEqualTo("One lorry with 15 tonnes of food entered from Aghdam.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-12T12:05:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
        assertThat(article.firstSeen()).isEqualTo(NOW);
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.authors()).containsExactly("Anna Petrosyan", "Ruben Avagyan");
        assertThat(article.categories()).containsExactly("Karabakh", "Humanitarian");
        assertThat(article.sources()).containsExactly(
                new ArticleSource(FEED_URL, "Caucasus Wire", "https://caucasus-wire.example/"));
        assertThat(article.contentHash()).isEqualTo(ArticleRevisions.contentHashOf(article.title(),
                article.summary(), article.text()));
        assertThat(article.summaryHtml()).isEqualTo("One lorry with 15 tonnes of food.");
        assertThat(article.imageUrl()).isEqualTo("https://caucasus-wire.example/images/truck.jpg");
        assertThat(article.enclosures()).containsExactly(
                new Enclosure("https://caucasus-wire.example/audio/aid.mp3", "audio/mpeg", 123456));
    }

    @Test
    void jsonFeed11ItemWithLittle() throws Exception {
        Article article = map(VERSION_1_1, null).get(1);

        assertThat(article.id()).isEqualTo(ArticleId.ofCanonicalUrl("https://icrc.example/news/flour"));
        assertThat(article.url()).isEqualTo("https://icrc.example/news/flour");
        assertThat(article.guid()).isEqualTo("42");
        assertThat(article.title()).isEqualTo("");
        assertThat(article.summary()).isEqualTo("");
        assertThat(article.text()).isEqualTo("Flour offer via Aghdam.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-15T08:00:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.UPDATED_FROM_FEED);
        assertThat(article.authors()).containsExactly("Wire desk");
        assertThat(article.categories()).isEmpty();
        assertThat(article.summaryHtml()).isEqualTo("");
        assertThat(article.imageUrl()).isEqualTo("https://caucasus-wire.example/images/flour.jpg");
        assertThat(article.enclosures()).isEmpty();
    }

    @Test
    void jsonFeed10Item() throws Exception {
        List<Article> articles = map(VERSION_1, "application/json");
        assertThat(articles).hasSize(1);
        Article article = articles.get(0);

        assertThat(article.id()).isEqualTo(ArticleId.ofCanonicalUrl("https://stepanakert-daily.example/news/1"));
        assertThat(article.url()).isEqualTo("https://stepanakert-daily.example/news/1");
        assertThat(article.guid()).isEqualTo("sd-1");
        assertThat(article.title()).isEqualTo("Bread rationed");
        assertThat(article.summary()).isEqualTo("Bread <rationed>.");
        assertThat(article.text()).isEqualTo("Bread is rationed in Stepanakert.");
        assertThat(article.published()).isEqualTo(Instant.parse("2023-09-13T09:30:00Z"));
        assertThat(article.publishedSource()).isEqualTo(Article.PUBLISHED_FROM_FEED);
        assertThat(article.language()).isNull();
        assertThat(article.authors()).containsExactly("Lilit Grigoryan");
        assertThat(article.categories()).containsExactly("Stepanakert");
        assertThat(article.sources()).containsExactly(
                new ArticleSource(FEED_URL, "Stepanakert Daily", "https://stepanakert-daily.example/"));
        assertThat(article.summaryHtml()).isEqualTo("Bread &lt;rationed&gt;.");
        assertThat(article.imageUrl()).isEqualTo("https://stepanakert-daily.example/bread.png");
        assertThat(article.enclosures()).containsExactly(
                new Enclosure("https://stepanakert-daily.example/bread.pdf", "application/pdf", 0));
    }

    private List<Article> map(String json, String contentType) throws Exception {
        SyndFeed feed = new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), contentType);
        return mapper.mapAll(feed, FEED_URL, NOW).articles();
    }
}
