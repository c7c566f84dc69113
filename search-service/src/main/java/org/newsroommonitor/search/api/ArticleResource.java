package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.search.config.SearchConfig;
import org.newsroommonitor.search.index.ArticleIndex;
import org.newsroommonitor.search.index.ArticleIndexer;

import java.util.ArrayList;
import java.util.List;

/** One article, and the articles most like it. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    /** Body of {@code /similar}: same hit shape as the search (highlight.title escaped, no fragments). */
    public record Similar(List<SearchResult.Hit> hits) {
    }

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final ArticleSearch search;
    private final SearchConfig.Api config;

    public ArticleResource(ElasticsearchClient client, ArticleIndex index, ArticleSearch search, SearchConfig config) {
        this.client = client;
        this.index = index;
        this.search = search;
        this.config = config.api();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its full text, topics (with rule hits), places and organisations")
    @APIResponse(responseCode = "200", description = "the article")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no article with id ...\"}")
    @APIResponse(responseCode = "503", description = "{\"error\": \"why\"}: Elasticsearch unavailable")
    public ArticleView article(@PathParam("id") String id) {
        return ArticleView.of(load(id));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Articles most like this one (more_like_this on title, summary and text), best first")
    @APIResponse(responseCode = "200", description = "{\"hits\": [hit, ...]}, hits as in /api/search")
    @APIResponse(responseCode = "404", description = "{\"error\": \"no article with id ...\"}")
    public Similar similar(@PathParam("id") String id,
            @Parameter(description = "number of articles, default 5, at most 20") @QueryParam("size") String size) {
        int count = SearchParams.parseSize(size, config.similarSize(), config.maxSimilarSize());
        load(id);
        String alias = index.alias();
        SearchResponse<ObjectNode> response = search.execute(() -> client.search(s -> s
                .index(alias)
                .size(count)
                .source(src -> src.filter(f -> f.includes(SearchQueryBuilder.SOURCE_FIELDS)))
                .query(q -> q.moreLikeThis(m -> m
                        .fields("title", "summary", "text")
                        .like(l -> l.document(d -> d.index(alias).id(id)))
                        .minTermFreq(1)
                        .minDocFreq(1)
                        .maxQueryTerms(25)
                        .minimumShouldMatch("30%"))), ObjectNode.class));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            if (hit.source() != null && !id.equals(hit.id())) {
                hits.add(SearchResult.Hit.of(search.read(hit.source()), null));
            }
        }
        return new Similar(hits);
    }

    private ClassifiedArticle load(String id) {
        search.requireReady();
        if (id == null || id.isBlank() || id.length() > ArticleIndexer.MAX_ID_BYTES) {
            throw new NotFoundException("no article with id " + id);
        }
        GetResponse<ObjectNode> response = search.execute(() -> client.get(g -> g.index(index.alias()).id(id),
                ObjectNode.class));
        if (!response.found() || response.source() == null) {
            throw new NotFoundException("no article with id " + id);
        }
        return search.read(response.source());
    }
}
