package org.newsroommonitor.ingest.article;

import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides whether an article read from a feed has to be published, and as which revision. */
public final class ArticleRevisions {

    private ArticleRevisions() {
    }

    /**
     * @param known     what was published before under the same id, if anything
     * @param candidate the article as read now from one feed (revision 1, that feed as its only source)
     * @return the article to publish: {@code candidate} when it is new; the next revision, listing every source,
     *         when its content changed in the feed it was first seen in, or when it turns up in a feed it was not
     *         seen in before (the same story from two feeds is one article with both sources); nothing when neither.
     *         Content read from a later source is published only with the revision that adds that source; after
     *         that only the first source's changes count (two feeds describing one story differently would
     *         otherwise publish a revision at every poll).
     */
    public static Optional<Article> toPublish(Optional<SeenArticle> known, Article candidate) {
        if (known.isEmpty()) {
            return Optional.of(candidate);
        }
        SeenArticle previous = known.get();
        List<ArticleSource> merged = new ArrayList<>(previous.sources());
        boolean fromFirstSource = previous.sources().isEmpty() || candidate.sources().isEmpty()
                || previous.sources().get(0).feedUrl().equals(candidate.sources().get(0).feedUrl());
        boolean newSource = false;
        for (ArticleSource source : candidate.sources()) {
            if (merged.stream().noneMatch(seen -> seen.feedUrl().equals(source.feedUrl()))) {
                merged.add(source);
                newSource = true;
            }
        }
        boolean changed = fromFirstSource && !previous.contentHash().equals(candidate.contentHash());
        if (changed || newSource) {
            return Optional.of(asRevision(candidate, previous.revision() + 1, previous.firstSeen())
                    .withSources(merged));
        }
        return Optional.empty();
    }

    /** SHA-256 (hex) of title, summary and text joined by newlines: an article's {@code contentHash}. */
    public static String contentHashOf(String title, String summary, String text) {
        return ArticleId.Sha256.hex(title + "\n" + summary + "\n" + text);
    }

    /**
     * {@code article} as revision {@code revision} of one first seen at {@code originalFirstSeen}: it keeps the
     * original {@code firstSeen}, and when {@code published} came from the first sighting, that one as well.
     */
    static Article asRevision(Article article, long revision, Instant originalFirstSeen) {
        Instant published = Article.FIRST_SEEN.equals(article.publishedSource()) ? originalFirstSeen
                : article.published();
        return article.withRevision(revision, published, originalFirstSeen);
    }
}
