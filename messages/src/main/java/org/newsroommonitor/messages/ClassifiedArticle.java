package org.newsroommonitor.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A classified article on {@code news.classified}: the article exactly as it arrived on {@code news.articles}
 * (every field, those this code does not know included) with the fields of an {@link ArticleClassification} set
 * on it. The message is the JSON object itself, so a stage that enriches an article cannot drop what an earlier
 * stage added; {@link #article()} and {@link #classification()} are typed views of it.
 */
public final class ClassifiedArticle {

    private final ObjectNode json;
    private final Article article;
    private final ArticleClassification classification;

    private ClassifiedArticle(ObjectNode json, Article article, ArticleClassification classification) {
        this.json = json;
        this.article = article;
        this.classification = classification;
    }

    /**
     * The article {@code articleJson} (not changed) with {@code classification}'s fields set on a copy of it;
     * fields of that name already in the article are replaced, every other field is kept as it is.
     */
    public static ClassifiedArticle of(ObjectMapper mapper, ObjectNode articleJson,
                                       ArticleClassification classification) {
        Objects.requireNonNull(classification, "classification");
        ObjectNode json = articleJson.deepCopy();
        json.setAll((ObjectNode) mapper.valueToTree(classification));
        return new ClassifiedArticle(json, view(mapper, json, Article.class), classification);
    }

    /** Reads a message of {@code news.classified}; fields it does not know stay in {@link #json()}. */
    public static ClassifiedArticle read(ObjectMapper mapper, ObjectNode json) {
        return new ClassifiedArticle(json, view(mapper, json, Article.class),
                view(mapper, json, ArticleClassification.class));
    }

    /** The whole message, to be written as it is; callers must not change it. */
    public ObjectNode json() {
        return json;
    }

    public Article article() {
        return article;
    }

    public ArticleClassification classification() {
        return classification;
    }

    public String id() {
        return article.id();
    }

    private static <T> T view(ObjectMapper mapper, ObjectNode json, Class<T> type) {
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
