package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.newsroommonitor.search.index.ArticleIndexMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link SearchParams} into an Elasticsearch search request.
 *
 * <ul>
 *   <li>{@code q}: {@code simple_query_string} over {@code title^3}, {@code summary^2}, {@code text} with
 *       {@code default_operator: and}; words are analyzed (stemmed on clusters with the english analyzer),
 *       "quoted phrases" are matched against the unstemmed {@code .exact} sub-fields. The syntax never fails
 *       ({@code simple_query_string} ignores what it cannot parse) and {@code lenient} ignores type errors.
 *       Sorted by relevance, then newest first.</li>
 *   <li>no {@code q}: every article, newest first.</li>
 *   <li>{@code topic}: a {@code term} filter on {@code topics.id} per topic (all must match).</li>
 *   <li>{@code from}/{@code to}: a {@code range} filter on {@code published}.</li>
 * </ul>
 * The article id is the final tie-breaker, so the order is total (ready for {@code search_after}).
 */
public final class SearchQueryBuilder {

    public static final List<String> QUERY_FIELDS = List.of("title^3", "summary^2", "text");
    /** The fields of {@code _source} a hit needs (not the full text). */
    public static final List<String> SOURCE_FIELDS = List.of("id", "title", "url", "sources.name", "published",
            "summary", "topics.id", "topics.score", "topics.matched");

    private SearchQueryBuilder() {
    }

    public static SearchRequest build(String index, SearchParams params) {
        List<Query> filters = new ArrayList<>();
        for (String topic : params.topics()) {
            filters.add(Query.of(q -> q.term(t -> t.field("topics.id").value(FieldValue.of(topic)))));
        }
        if (params.from() != null || params.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("published");
                if (params.from() != null) {
                    d.gte(params.from().toString());
                }
                if (params.to() != null) {
                    d.lte(params.to().toString());
                }
                return d.format("strict_date_optional_time");
            }))));
        }
        Query main = params.query() == null
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(s -> s
                        .query(params.query())
                        .fields(QUERY_FIELDS)
                        .defaultOperator(Operator.And)
                        .quoteFieldSuffix(ArticleIndexMapping.EXACT_SUFFIX)
                        .lenient(true)));
        BoolQuery.Builder bool = new BoolQuery.Builder().must(main);
        if (!filters.isEmpty()) {
            bool.filter(filters);
        }

        List<SortOptions> sort = new ArrayList<>();
        if (params.query() != null) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("published").order(SortOrder.Desc))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));

        return SearchRequest.of(r -> r
                .index(index)
                .query(q -> q.bool(bool.build()))
                .sort(sort)
                .size(params.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(s -> s.filter(f -> f.includes(SOURCE_FIELDS))));
    }
}
