package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import org.newsroommonitor.search.index.ArticleIndexMapping;
import org.newsroommonitor.query.EditorQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link SearchParams} into an Elasticsearch search request.
 *
 * <ul>
 *   <li>{@code q}: parsed by {@link EditorQuery}, its normalized form goes to {@code simple_query_string} over
 *       {@code title^3}, {@code summary^2}, {@code text} with {@code default_operator: and} and only the flags
 *       {@link EditorQuery#ES_FLAGS}; "quoted phrases" are matched against the unstemmed {@code .exact}
 *       sub-fields. {@code *} or no {@code q}: every article.</li>
 *   <li>filters: {@code topic}, {@code place}, {@code org} one {@code term} filter per value (all must match);
 *       {@code source} and {@code lang} one {@code terms} filter each (any of the values); {@code from}/{@code to}
 *       a {@code range} on {@code published}.</li>
 *   <li>sort: relevance ({@code _score}, then newest, then id) or newest ({@code published}, then id); the id
 *       makes the order total, so {@code search_after} pages never overlap or skip.</li>
 *   <li>highlight (with terms only): unified highlighter, HTML encoder, {@code <mark>} tags.</li>
 *   <li>facets: terms aggregations (places and organisations over the facet keys derived at indexing, which
 *       carry the name) and a date histogram of {@code published}.</li>
 * </ul>
 */
public final class SearchQueryBuilder {

    public static final List<String> QUERY_FIELDS = List.of("title^3", "summary^2", "text");
    /** The fields of {@code _source} a hit needs (not the full text). */
    public static final List<String> SOURCE_FIELDS = List.of("id", "title", "url", "sources.name", "published",
            "summary", "language", "topics.id", "topics.score", "topics.matched", "places.id", "places.name", "places.count",
            "places.country", "places.lat", "places.lon", "organisations.id", "organisations.name",
            "organisations.count");

    /** {@link EditorQuery#ES_FLAGS}: the operators of the editor syntax, no fuzzy or slop. */
    public static final List<SimpleQueryStringFlag> SQS_FLAGS = List.of(SimpleQueryStringFlag.And,
            SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
            SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Escape,
            SimpleQueryStringFlag.Whitespace);

    public static final String MARK_OPEN = "<mark>";
    public static final String MARK_CLOSE = "</mark>";
    public static final int FRAGMENT_SIZE = 160;

    /** Facet name in the response -> aggregated field. */
    public static final Map<String, String> FACET_FIELDS = facetFields();
    public static final String HISTOGRAM = "histogram";

    private SearchQueryBuilder() {
    }

    private static Map<String, String> facetFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topics", "topics.id");
        fields.put("places", ArticleIndexMapping.PLACE_FACET);
        fields.put("organisations", ArticleIndexMapping.ORGANISATION_FACET);
        fields.put("sources", "sources.name");
        fields.put("languages", "language");
        return Map.copyOf(fields);
    }

    public static SearchRequest build(String index, SearchParams params, int facetSize, HistogramInterval interval) {
        BoolQuery.Builder bool = new BoolQuery.Builder().must(mainQuery(params.query(), queryFields(params.languages())));
        List<Query> filters = filters(params);
        if (!filters.isEmpty()) {
            bool.filter(filters);
        }
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(index)
                .query(q -> q.bool(bool.build()))
                .sort(sort(params.effectiveSort()))
                .size(params.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(s -> s.filter(f -> f.includes(SOURCE_FIELDS)));
        if (params.cursor() != null) {
            request.searchAfter(params.cursor().after());
        }
        if (params.hasTerms()) {
            request.highlight(h -> h
                    .type("unified")
                    .encoder(HighlighterEncoder.Html)
                    .preTags(MARK_OPEN)
                    .postTags(MARK_CLOSE)
                    // phrases match the .exact sub-fields: highlight the words of every field of the query
                    .requireFieldMatch(false)
                    .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                            NamedValue.of("summary", HighlightField.of(f -> f.fragmentSize(FRAGMENT_SIZE).numberOfFragments(2))),
                            NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(FRAGMENT_SIZE).numberOfFragments(3)))));
        }
        if (params.facets()) {
            request.aggregations(aggregations(params, facetSize, interval));
        }
        return request.build();
    }

    /**
     * The fields a query searches: {@link #QUERY_FIELDS}, plus the per-language sub-fields ({@code title.ru^3}, ...)
     * of the languages the {@code lang} filter names. On a cluster without language analyzers those sub-fields do
     * not exist, and Elasticsearch ignores them.
     */
    public static List<String> queryFields(List<String> languages) {
        List<String> fields = new ArrayList<>(QUERY_FIELDS);
        for (String lang : languages) {
            if (ArticleIndexMapping.LANGUAGE_ANALYZERS.containsKey(lang)) {
                fields.add("title." + lang + "^3");
                fields.add("summary." + lang + "^2");
                fields.add("text." + lang);
            }
        }
        return fields;
    }

    public static Query mainQuery(EditorQuery query, List<String> fields) {
        if (query == null || query.matchesAll()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.simpleQueryString(s -> s
                .query(query.normalized())
                .fields(fields)
                .defaultOperator(Operator.And)
                .flags(SQS_FLAGS)
                .quoteFieldSuffix(ArticleIndexMapping.EXACT_SUFFIX)
                .lenient(true)));
    }

    static List<Query> filters(SearchParams params) {
        List<Query> filters = new ArrayList<>();
        for (String topic : params.topics()) {
            filters.add(term("topics.id", topic));
        }
        for (String place : params.places()) {
            filters.add(term("places.id", place));
        }
        for (String org : params.organisations()) {
            filters.add(term("organisations.id", org));
        }
        if (!params.sources().isEmpty()) {
            filters.add(terms("sources.name", params.sources()));
        }
        if (!params.languages().isEmpty()) {
            filters.add(terms("language", params.languages()));
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
        return filters;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    static List<SortOptions> sort(SearchParams.Sort sort) {
        List<SortOptions> options = new ArrayList<>();
        if (sort == SearchParams.Sort.RELEVANCE) {
            options.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        options.add(SortOptions.of(s -> s.field(f -> f.field("published").order(SortOrder.Desc))));
        options.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return options;
    }

    static Map<String, Aggregation> aggregations(SearchParams params, int facetSize, HistogramInterval interval) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("topics", Aggregation.of(a -> a.terms(t -> t.field("topics.id").size(facetSize))));
        aggs.put("places", entityFacet(ArticleIndexMapping.PLACE_FACET, facetSize));
        aggs.put("organisations", entityFacet(ArticleIndexMapping.ORGANISATION_FACET, facetSize));
        aggs.put("sources", Aggregation.of(a -> a.terms(t -> t.field("sources.name").size(facetSize))));
        aggs.put("languages", Aggregation.of(a -> a.terms(t -> t.field("language").size(facetSize))));
        aggs.put(HISTOGRAM, histogram(params, interval));
        return aggs;
    }

    /**
     * Places or organisations: a terms aggregation of the derived facet keys ({@code id} U+001F {@code name}, one per
     * entity of an article, see {@link org.newsroommonitor.search.index.ArticleDocument}), so each bucket counts
     * articles and carries the name. Twice the facet size, so that {@link ArticleSearch} can merge the buckets of an
     * id that appears under two names and still show the top {@code facetSize} ids.
     */
    private static Aggregation entityFacet(String field, int facetSize) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(2 * facetSize)
                .order(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))));
    }

    /**
     * The date histogram: the interval asked for, or with {@code auto} the one {@link HistogramInterval#choose}
     * picks for from..to ({@code dataRange} fills an unset bound; may be null). Empty buckets inside from..to
     * (or between the first and last article found) are listed with count 0.
     */
    static Aggregation histogram(SearchParams params, HistogramInterval interval) {
        if (params.from() != null && params.to() != null) {
            long buckets = HistogramInterval.bucketsAtMost(Duration.between(params.from(), params.to()), interval);
            if (buckets > 2000) {
                throw new BadSearchRequestException("interval " + interval.calendarName + " gives too many buckets "
                        + "for from/to; choose a longer interval or auto");
            }
        }
        return Aggregation.of(a -> a.dateHistogram(h -> {
            h.field("published").timeZone("UTC").minDocCount(0);
            switch (interval) {
                case HOUR -> h.calendarInterval(CalendarInterval.Hour);
                case HOURS_3 -> h.fixedInterval(t -> t.time("3h"));
                case HOURS_12 -> h.fixedInterval(t -> t.time("12h"));
                case DAY -> h.calendarInterval(CalendarInterval.Day);
                case WEEK -> h.calendarInterval(CalendarInterval.Week);
                case MONTH -> h.calendarInterval(CalendarInterval.Month);
                case QUARTER -> h.calendarInterval(CalendarInterval.Quarter);
                case YEAR -> h.calendarInterval(CalendarInterval.Year);
                case AUTO -> throw new IllegalStateException("AUTO must be resolved first");
            }
            if (params.from() != null && params.to() != null) {
                h.extendedBounds(b -> b.min(FieldDateMath.of(m -> m.expr(params.from().toString())))
                        .max(FieldDateMath.of(m -> m.expr(params.to().toString()))));
            }
            return h;
        }));
    }

    /** The interval the histogram uses: the one asked for, or for {@code auto} chosen over from..to / the data. */
    public static HistogramInterval resolve(SearchParams params, Instant oldest, Instant newest, int histogramBuckets) {
        if (params.interval() != HistogramInterval.AUTO) {
            return params.interval();
        }
        Instant from = params.from() != null ? params.from() : oldest;
        Instant to = params.to() != null ? params.to() : newest;
        return HistogramInterval.choose(from, to, histogramBuckets);
    }
}
