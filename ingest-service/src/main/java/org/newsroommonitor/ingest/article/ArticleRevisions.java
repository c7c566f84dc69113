package org.newsroommonitor.ingest.article;

import java.util.Optional;

/** Decides whether an article read from a feed has to be published, and as which revision. */
public final class ArticleRevisions {

    private ArticleRevisions() {
    }

    /**
     * @param known     what was published before under the same id, if anything
     * @param candidate the article as read now (revision 1)
     * @return the article to publish: {@code candidate} when it is new, the next revision when its content hash
     *         changed, nothing when the same content was already published
     */
    public static Optional<ArticleMessage> toPublish(Optional<SeenArticle> known, ArticleMessage candidate) {
        if (known.isEmpty()) {
            return Optional.of(candidate);
        }
        SeenArticle previous = known.get();
        if (previous.contentHash().equals(candidate.contentHash())) {
            return Optional.empty();
        }
        return Optional.of(candidate.asRevision(previous.revision() + 1, previous.firstSeen()));
    }
}
