package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.search.config.SearchConfig;
import org.newsroommonitor.search.index.ArticleDocument;
import org.newsroommonitor.search.index.ArticleIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs searches against the article alias and turns the answers into API shapes. */
@ApplicationScoped
public class ArticleSearch {

    private static final Logger LOG = Logger.getLogger(ArticleSearch.class);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final SearchConfig.Api config;
    private final PublishedRange range;
    private final ObjectMapper mapper;

    public ArticleSearch(ElasticsearchClient client, ArticleIndex index, SearchConfig config, PublishedRange range,
            ObjectMapper mapper) {
        this.range = range;
        this.mapper = mapper;
        this.client = client;
        this.index = index;
        this.config = config.api();
    }

    public SearchResult search(SearchParams params) {
        requireReady();
        HistogramInterval interval = params.facets() && params.interval() == HistogramInterval.AUTO
                && (params.from() == null || params.to() == null)
                ? SearchQueryBuilder.resolve(params, range.oldest(), range.newest(), config.histogramBuckets())
                : SearchQueryBuilder.resolve(params, null, null, config.histogramBuckets());
        SearchRequest request = SearchQueryBuilder.build(index.alias(), params, config.facetSize(), interval);
        SearchResponse<ObjectNode> response = execute(() -> client.search(request, ObjectNode.class));
        long total = response.hits().total() == null ? response.hits().hits().size()
                : response.hits().total().value();
        List<SearchResult.Hit> hits = new ArrayList<>();
        Hit<ObjectNode> last = null;
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            if (hit.source() != null) {
                hits.add(SearchResult.Hit.of(read(hit.source()), highlight(hit)));
            }
            last = hit;
        }
        String cursor = last != null && params.size() > 0 && response.hits().hits().size() == params.size()
                ? SearchCursor.of(params.fingerprint(), last.sort()).encode() : null;
        Map<String, List<SearchResult.FacetValue>> facets = params.facets() ? facets(response.aggregations(), config.facetSize()) : null;
        SearchResult.Histogram histogram = params.facets() ? histogram(response.aggregations().get(SearchQueryBuilder.HISTOGRAM), interval) : null;
        return new SearchResult(total, hits, cursor, params.query() == null ? null : params.query().normalized(),
                facets, histogram);
    }

    public void requireReady() {
        if (!index.isReady()) {
            throw new SearchUnavailableException("search index is not ready yet");
        }
    }

    /** A call to Elasticsearch. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    /**
     * Runs a call, turning Elasticsearch's refusal of the caller's input into 400 and everything else (down,
     * overloaded, failing) into 503: never a 500.
     */
    public <T> T execute(Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            String type = e.error() == null ? "" : String.valueOf(e.error().type());
            if ("too_many_buckets_exception".equals(type) || causedBy(e.error(), "too_many_buckets_exception")) {
                throw new BadSearchRequestException("the date histogram would have too many buckets: "
                        + "choose a longer interval, auto, or a shorter from/to range");
            }
            if (e.status() >= 400 && e.status() < 500 && e.status() != 404 && e.status() != 429 && e.status() != 408) {
                // the query itself was refused (e.g. too many clauses): the caller's input
                LOG.infof("Elasticsearch refused a search (%d): %s", e.status(), e.getMessage());
                throw new BadSearchRequestException("query not accepted: " + reason(e.error()));
            }
            LOG.warnf("Search failed: %s", e.getMessage());
            throw new SearchUnavailableException("search failed: " + type);
        } catch (BadSearchRequestException | SearchUnavailableException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("Search failed: %s", e.toString());
            throw new SearchUnavailableException("search is unavailable: Elasticsearch does not answer");
        }
    }

    private static boolean causedBy(ErrorCause error, String type) {
        for (ErrorCause cause = error; cause != null; cause = cause.causedBy()) {
            if (type.equals(cause.type())) {
                return true;
            }
            for (ErrorCause root : cause.rootCause()) {
                if (type.equals(root.type())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String reason(ErrorCause error) {
        if (error == null) {
            return "refused by Elasticsearch";
        }
        ErrorCause root = error.rootCause().isEmpty() ? error : error.rootCause().getFirst();
        return root.reason() == null ? root.type() : root.reason();
    }

    /** A stored document (or the part of it a search asked for) as the classified article it holds. */
    public ClassifiedArticle read(ObjectNode document) {
        return ClassifiedArticle.read(mapper, document);
    }

    static SearchResult.Highlight highlight(Hit<ObjectNode> hit) {
        Map<String, List<String>> fields = hit.highlight();
        String rawTitle = hit.source() == null ? "" : hit.source().path("title").asText("");
        if (fields == null || fields.isEmpty()) {
            return SearchResult.Highlight.none(rawTitle);
        }
        List<String> title = fields.get("title");
        List<String> fragments = fields.getOrDefault("text", List.of());
        if (fragments.isEmpty()) {
            fragments = fields.getOrDefault("summary", List.of());
        }
        return new SearchResult.Highlight(title == null || title.isEmpty() ? HtmlText.escape(rawTitle) : title.getFirst(),
                List.copyOf(fragments));
    }

    static Map<String, List<SearchResult.FacetValue>> facets(Map<String, Aggregate> aggregations, int facetSize) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("topics", "places", "organisations", "sources", "languages")) {
            Aggregate aggregate = aggregations.get(name);
            List<StringTermsBucket> buckets = aggregate != null && aggregate.isSterms()
                    ? aggregate.sterms().buckets().array() : List.of();
            boolean entity = name.equals("places") || name.equals("organisations");
            facets.put(name, entity ? entityValues(buckets, facetSize) : values(buckets));
        }
        return facets;
    }

    private static List<SearchResult.FacetValue> values(List<StringTermsBucket> buckets) {
        List<SearchResult.FacetValue> values = new ArrayList<>();
        for (StringTermsBucket bucket : buckets) {
            String key = bucket.key().stringValue();
            values.add(new SearchResult.FacetValue(key, key, bucket.docCount()));
        }
        return values;
    }

    /**
     * Buckets of facet keys ({@code id} U+001F {@code name}) as one value per id: an id found under two names (the
     * gazetteer renamed it between articles) is one value with the articles of both (an article names an entity
     * once, so the sum counts articles) and the name most of them have. Most articles first, ties by id.
     */
    static List<SearchResult.FacetValue> entityValues(List<StringTermsBucket> buckets, int facetSize) {
        Map<String, EntityCount> byId = new LinkedHashMap<>();
        for (StringTermsBucket bucket : buckets) {
            ArticleDocument.FacetKey key = ArticleDocument.parseFacetKey(bucket.key().stringValue());
            byId.computeIfAbsent(key.id(), id -> new EntityCount()).add(key.name(), bucket.docCount());
        }
        return byId.entrySet().stream()
                .map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue().label, e.getValue().articles))
                .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
                        .thenComparing(SearchResult.FacetValue::value))
                .limit(facetSize)
                .toList();
    }

    /** The articles of one entity id over its buckets, and the name of its largest bucket (the first on a tie). */
    private static final class EntityCount {
        long articles;
        String label;
        long labelArticles = -1;

        void add(String name, long count) {
            articles += count;
            if (count > labelArticles) {
                label = name;
                labelArticles = count;
            }
        }
    }

    static SearchResult.Histogram histogram(Aggregate aggregate, HistogramInterval interval) {
        if (aggregate == null || !aggregate.isDateHistogram()) {
            return new SearchResult.Histogram(interval.label, List.of());
        }
        List<SearchResult.Bucket> out = aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new SearchResult.Bucket(Instant.ofEpochMilli(b.key()), b.docCount()))
                .toList();
        return new SearchResult.Histogram(interval.label, out);
    }
}
