package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.OrganisationMention;
import org.newsroommonitor.classify.gazetteer.PlaceMention;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicMatch;

import java.time.Instant;
import java.util.List;

/**
 * A classified article as written to {@code news.classified} (see docs/messages.md, "Classified article"): all
 * fields of the {@link ArticleMessage}, unchanged, plus the topics, the places and organisations named, the
 * taxonomy version and the time of classification.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "id", "revision", "url", "canonicalUrl", "guid", "title", "summary", "text",
        "published", "publishedSource", "firstSeen", "language", "authors", "categories", "sources", "contentHash",
        "summaryHtml", "imageUrl", "enclosures", "topics", "places", "organisations", "taxonomyVersion", "classifiedAt"})
public record ClassifiedArticle(
        int schemaVersion,
        String id,
        int revision,
        String url,
        String canonicalUrl,
        String guid,
        String title,
        String summary,
        String text,
        Instant published,
        String publishedSource,
        Instant firstSeen,
        String language,
        List<String> authors,
        List<String> categories,
        List<ArticleMessage.Source> sources,
        String contentHash,
        String summaryHtml,
        String imageUrl,
        List<ArticleMessage.Enclosure> enclosures,
        List<TopicMatch> topics,
        List<PlaceMention> places,
        List<OrganisationMention> organisations,
        String taxonomyVersion,
        Instant classifiedAt) {

    /** The article with its classification and the places and organisations it names. */
    public static ClassifiedArticle of(ArticleMessage article, Classification classification, Entities entities,
                                       Instant classifiedAt) {
        return new ClassifiedArticle(article.schemaVersion(), article.id(), article.revision(), article.url(),
                article.canonicalUrl(), article.guid(), article.title(), article.summary(), article.text(),
                article.published(), article.publishedSource(), article.firstSeen(), article.language(),
                article.authors(), article.categories(), article.sources(), article.contentHash(),
                article.summaryHtml(), article.imageUrl(), article.enclosures(), classification.topics(), entities.places(), entities.organisations(),
                classification.taxonomyVersion(), classifiedAt);
    }
}
