package org.newsroommonitor.ingest.article;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleRevisionsTest {

    private static final Instant FIRST = Instant.parse("2023-09-12T14:07:31Z");
    private static final Instant LATER = Instant.parse("2023-09-12T15:07:31Z");

    private final SeenArticles seen = new InMemorySeenArticles();

    @Test
    void anUnknownArticleIsPublishedAsRevisionOne() {
        Article candidate = article("text", LATER, Article.PUBLISHED_FROM_FEED);
        assertThat(ArticleRevisions.toPublish(seen.find(candidate.id()), candidate)).contains(candidate);
    }

    @Test
    void theSameContentAgainIsNotPublished() {
        seen.remember(SeenArticle.of(article("text", FIRST, Article.PUBLISHED_FROM_FEED)));
        Article again = article("text", LATER, Article.PUBLISHED_FROM_FEED);
        assertThat(ArticleRevisions.toPublish(seen.find(again.id()), again)).isEmpty();
    }

    @Test
    void changedContentIsTheNextRevisionKeepingTheFirstSighting() {
        seen.remember(SeenArticle.of(article("text", FIRST, Article.FIRST_SEEN)));
        seen.remember(new SeenArticle("id-1", 2, ArticleRevisions.contentHashOf("t", "s", "second"), FIRST,
                List.of()));
        Article changed = article("third", LATER, Article.FIRST_SEEN);

        Article published = ArticleRevisions.toPublish(seen.find("id-1"), changed).orElseThrow();

        assertThat(published.revision()).isEqualTo(3);
        assertThat(published.firstSeen()).isEqualTo(FIRST);
        assertThat(published.published()).isEqualTo(FIRST);
        assertThat(published.text()).isEqualTo("third");
        assertThat(published.contentHash()).isEqualTo(changed.contentHash());
    }

    @Test
    void aLowerRevisionNeverReplacesAHigherOne() {
        seen.remember(new SeenArticle("id-1", 3, "h3", FIRST, List.of()));
        seen.remember(new SeenArticle("id-1", 2, "h2", FIRST, List.of()));
        assertThat(seen.find("id-1")).map(SeenArticle::revision).contains(3L);
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void theSameStoryFromASecondFeedIsAnUpdateListingBothSources() {
        Article fromWire = article("text", FIRST, Article.PUBLISHED_FROM_FEED);
        seen.remember(SeenArticle.of(fromWire));
        ArticleSource daily = new ArticleSource("http://other.example/atom", "Daily", "https://other.example/");
        Article fromDaily = article("text", LATER, Article.PUBLISHED_FROM_FEED).withSources(List.of(daily));

        Article update = ArticleRevisions.toPublish(seen.find("id-1"), fromDaily).orElseThrow();

        assertThat(update.revision()).isEqualTo(2);
        assertThat(update.sources()).containsExactly(fromWire.sources().get(0), daily);
        assertThat(update.firstSeen()).isEqualTo(FIRST);
        seen.remember(SeenArticle.of(update));
        assertThat(ArticleRevisions.toPublish(seen.find("id-1"), fromDaily)).as("both known now").isEmpty();
        assertThat(ArticleRevisions.toPublish(seen.find("id-1"), fromWire)).isEmpty();
    }

    @Test
    void aSecondFeedsDifferentWordingDoesNotFlipTheArticleAtEveryPoll() {
        Article fromWire = article("wire text", FIRST, Article.PUBLISHED_FROM_FEED);
        seen.remember(SeenArticle.of(fromWire));
        ArticleSource daily = new ArticleSource("http://other.example/atom", "Daily", "https://other.example/");
        Article fromDaily = article("daily text", LATER, Article.PUBLISHED_FROM_FEED)
                .withSources(List.of(daily));
        seen.remember(SeenArticle.of(ArticleRevisions.toPublish(seen.find("id-1"), fromDaily).orElseThrow()));

        Article back = ArticleRevisions.toPublish(seen.find("id-1"), fromWire).orElseThrow();
        assertThat(back.text()).as("the first source's content wins").isEqualTo("wire text");
        assertThat(back.revision()).isEqualTo(3);
        seen.remember(SeenArticle.of(back));
        assertThat(ArticleRevisions.toPublish(seen.find("id-1"), fromDaily)).isEmpty();
        assertThat(ArticleRevisions.toPublish(seen.find("id-1"), fromWire)).isEmpty();
    }

    private static Article article(String text, Instant firstSeen, String source) {
        Instant published = source == Article.FIRST_SEEN ? firstSeen : Instant.parse("2023-09-12T14:05:00Z");
        return new Article(1, "id-1", 1, "https://news.example/a", "https://news.example/a", null, "t", "s",
                text, published, source, firstSeen, "en", List.of(), List.of(),
                List.of(new ArticleSource("http://feeds.example/rss", "Feed", "https://news.example/")),
                ArticleRevisions.contentHashOf("t", "s", text), "s", null, List.of());
    }
}
