package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroommonitor.search.config.SearchConfig;
import org.newsroommonitor.search.index.ArticleIndex;
import org.newsroommonitor.search.messaging.ClassifiedArticle;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Full-text search over the classified articles. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public static final String LATENCY_TIMER = "newsroom.search.latency";

    private static final Logger LOG = Logger.getLogger(SearchResource.class);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final SearchConfig.Api config;
    private final MeterRegistry registry;

    public SearchResource(ElasticsearchClient client, ArticleIndex index, SearchConfig config, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.config = config.api();
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Search articles", description = "Plain words and \"quoted phrases\" (all must match) in "
            + "title, summary and text; by relevance when q is given, otherwise newest first.")
    public SearchResult search(
            @Parameter(description = "words and \"quoted phrases\"; empty: all articles") @QueryParam("q") String q,
            @Parameter(description = "topic id the article must have; repeatable (all must match)")
            @QueryParam("topic") List<String> topic,
            @Parameter(description = "published at or after: 2023-09-12 or 2023-09-12T14:05:00Z") @QueryParam("from") String from,
            @Parameter(description = "published at or before: 2023-09-12 (whole day) or an instant") @QueryParam("to") String to,
            @Parameter(description = "number of hits, default 20, at most 100") @QueryParam("size") String size) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            SearchParams params = SearchParams.parse(q, topic, from, to, size,
                    config.defaultSize(), config.maxSize(), config.maxQueryLength());
            if (!index.isReady()) {
                throw new SearchUnavailableException("search index is not ready yet");
            }
            SearchResponse<ClassifiedArticle> response = execute(params);
            long total = response.hits().total() == null ? response.hits().hits().size()
                    : response.hits().total().value();
            List<SearchResult.Hit> hits = response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .map(SearchResult.Hit::of)
                    .toList();
            outcome = "ok";
            return new SearchResult(total, hits);
        } catch (BadSearchRequestException e) {
            outcome = "bad_request";
            throw e;
        } finally {
            sample.stop(Timer.builder(LATENCY_TIMER)
                    .description("Time to answer GET /api/search")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private SearchResponse<ClassifiedArticle> execute(SearchParams params) {
        try {
            return client.search(SearchQueryBuilder.build(index.alias(), params), ClassifiedArticle.class);
        } catch (ElasticsearchException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 404 && e.status() != 429) {
                // the query itself was refused (e.g. too many clauses): the caller's input
                throw new BadSearchRequestException("query not accepted: " + e.error().reason());
            }
            LOG.warnf("Search failed: %s", e.getMessage());
            throw new SearchUnavailableException("search failed: " + e.error().type());
        } catch (Exception e) {
            LOG.warnf("Search failed: %s", e.toString());
            throw new SearchUnavailableException("search is unavailable: Elasticsearch does not answer");
        }
    }

    @ServerExceptionMapper
    public Response badRequest(BadSearchRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
