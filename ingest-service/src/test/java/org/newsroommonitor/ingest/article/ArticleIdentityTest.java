package org.newsroommonitor.ingest.article;

import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.messages.Article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link EntryMapper#mapAll} tells the entries of one feed apart, and what it merges. */
class ArticleIdentityTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final String FEED_URL = "https://radio.example/podcast.xml";
    private static final String HOME = "https://radio.example/";

    private final EntryMapper mapper = new EntryMapper();

    @Test
    void episodesLinkingTheSameHomePageAreToldApartByTheirGuids() throws Exception {
        String items = IntStream.rangeClosed(1, 5).mapToObj(i -> item("Episode " + i, HOME, "ep-" + i,
                "Mon, 0" + i + " Apr 2024 10:00:00 GMT")).collect(Collectors.joining());

        EntryMapper.Mapped mapped = mapper.mapAll(rss(items), FEED_URL, NOW);

        assertThat(mapped.articles()).extracting(Article::title)
                .containsExactly("Episode 1", "Episode 2", "Episode 3", "Episode 4", "Episode 5");
        assertThat(mapped.articles()).extracting(Article::id).containsExactly(
                IntStream.rangeClosed(1, 5).mapToObj(i -> ArticleId.ofLinkAndGuid(HOME, "ep-" + i))
                        .toArray(String[]::new));
        assertThat(mapped.articles()).extracting(Article::canonicalUrl).containsOnly(HOME);
        assertThat(mapped.toldApart()).isEqualTo(5);
        assertThat(mapped.merged()).isZero();
        assertThat(mapped.unusable()).isZero();
    }

    @Test
    void aLinkOnlyOneEntryHasIdentifiesItAsBefore() throws Exception {
        EntryMapper.Mapped mapped = mapper.mapAll(rss(item("Convoy", HOME + "convoy", "g-1", null)
                + item("Episode", HOME, "ep-1", null) + item("Episode again", HOME, "ep-2", null)), FEED_URL, NOW);

        assertThat(mapped.articles().get(0).id()).isEqualTo(ArticleId.ofCanonicalUrl(HOME + "convoy"));
        assertThat(mapped.articles().get(1).id()).isEqualTo(ArticleId.ofLinkAndGuid(HOME, "ep-1"));
        assertThat(mapped.toldApart()).isEqualTo(2);
    }

    @Test
    void theSameItemListedTwiceIsMergedAndCounted() throws Exception {
        String twice = item("Bread rationed", HOME + "bread", "b-1", null);
        EntryMapper.Mapped mapped = mapper.mapAll(rss(twice + item("Convoy", HOME + "convoy", "c-1", null) + twice),
                FEED_URL, NOW);

        assertThat(mapped.articles()).extracting(Article::title).containsExactly("Bread rationed", "Convoy");
        assertThat(mapped.articles().get(0).id()).isEqualTo(ArticleId.ofCanonicalUrl(HOME + "bread"));
        assertThat(mapped.merged()).isEqualTo(1);
        assertThat(mapped.toldApart()).isZero();
    }

    @Test
    void entriesSharingALinkWithoutGuidsAreToldApartByTitleAndDate() throws Exception {
        EntryMapper.Mapped mapped = mapper.mapAll(rss(
                item("Road closed", HOME + "status", null, "Mon, 01 Apr 2024 10:00:00 GMT")
                        + item("Road open", HOME + "status", null, "Tue, 02 Apr 2024 10:00:00 GMT")), FEED_URL, NOW);

        assertThat(mapped.articles()).extracting(Article::id).containsExactly(
                ArticleId.ofContent(HOME + "status", Instant.parse("2024-04-01T10:00:00Z"), "Road closed", null),
                ArticleId.ofContent(HOME + "status", Instant.parse("2024-04-02T10:00:00Z"), "Road open", null));
    }

    @Test
    void entriesWithNeitherLinkNorGuidGetAStableIdFromTheirContentAndDate() throws Exception {
        String items = item("Checkpoint closed", null, null, "Mon, 01 Apr 2024 10:00:00 GMT")
                + item("Checkpoint reopened", null, null, "Mon, 01 Apr 2024 16:00:00 GMT")
                + "<item><title></title></item>"; // nothing at all to identify it by
        EntryMapper.Mapped first = mapper.mapAll(rss(items), FEED_URL, NOW);
        EntryMapper.Mapped again = mapper.mapAll(rss(items), FEED_URL, NOW.plusSeconds(3600));

        String closed = ArticleId.ofContent(FEED_URL, Instant.parse("2024-04-01T10:00:00Z"), "Checkpoint closed",
                null);
        assertThat(first.articles()).extracting(Article::id).containsExactly(closed,
                ArticleId.ofContent(FEED_URL, Instant.parse("2024-04-01T16:00:00Z"), "Checkpoint reopened", null));
        assertThat(again.articles()).extracting(Article::id)
                .containsExactlyElementsOf(first.articles().stream().map(Article::id).toList());
        assertThat(first.articles().get(0).url()).isNull();
        assertThat(first.articles().get(0).guid()).isNull();
        assertThat(first.unusable()).isEqualTo(1);
        // the same title in another feed is another entry
        assertThat(mapper.mapAll(rss(items), "https://other.example/rss", NOW).articles().get(0).id())
                .isNotEqualTo(closed);
    }

    @Test
    void anEntryWithoutTitleIsIdentifiedByTheStartOfItsText() throws Exception {
        String items = "<item><description>Power cut in the north.</description></item>"
                + "<item><description>Power back in the north.</description></item>";
        List<Article> articles = mapper.mapAll(rss(items), FEED_URL, NOW).articles();

        assertThat(articles).extracting(Article::id).containsExactly(
                ArticleId.ofContent(FEED_URL, null, "", "Power cut in the north."),
                ArticleId.ofContent(FEED_URL, null, "", "Power back in the north."));
    }

    @Test
    void idsOfDifferentKindsNeverMeet() {
        assertThat(List.of(ArticleId.ofCanonicalUrl(HOME), ArticleId.ofGuid(HOME), ArticleId.ofLinkAndGuid(HOME, ""),
                ArticleId.ofContent(HOME, null, HOME, null))).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    private static String item(String title, String link, String guid, String date) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + (date == null ? "" : "<pubDate>" + date + "</pubDate>")
                + "<description>About " + title + ".</description></item>";
    }

    private static SyndFeed rss(String items) throws Exception {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Radio</title><link>" + HOME
                + "</link><description>d</description>" + items + "</channel></rss>";
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    }
}
