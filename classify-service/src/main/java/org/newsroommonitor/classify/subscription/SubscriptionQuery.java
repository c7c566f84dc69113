package org.newsroommonitor.classify.subscription;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.query.EditorQuery;
import org.newsroommonitor.query.InvalidQueryException;

import java.util.Map;

/**
 * Turns a saved search's query (the search API's {@code q} syntax) into a Lucene query over the article's title,
 * summary and text (the one field of {@link ArticleDocument}: each word may be in any of them, a phrase in one),
 * analyzed like the articles.
 *
 * <p>The query is parsed and checked by {@link EditorQuery}, the same parser search-service uses for {@code q}
 * (so a query is refused here for exactly the reasons the search API refuses it); its normalized form is then read
 * by Lucene's {@link SimpleQueryParser} with this service's analyzer, the flags {@link EditorQuery#FLAGS} and AND as
 * the default operator, which gives the same tree. A lone {@code *} matches every article.
 */
public final class SubscriptionQuery {

    private static final Map<String, Float> FIELDS = Map.of(ArticleDocument.FIELD, 1f);

    private final Analyzer analyzer;

    public SubscriptionQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @throws InvalidSubscriptionException saying what is wrong with the query */
    public Query parse(String query) {
        EditorQuery checked;
        try {
            checked = EditorQuery.parse(query);
        } catch (InvalidQueryException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        if (checked.matchesAll()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, FIELDS, EditorQuery.FLAGS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query parsed = parser.parse(checked.normalized());
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            // every word was dropped by the analyzer (e.g. only punctuation the tokenizer splits away)
            throw new InvalidSubscriptionException("the query has no words to search for");
        }
        return parsed;
    }
}
