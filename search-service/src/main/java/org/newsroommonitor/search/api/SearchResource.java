package org.newsroommonitor.search.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroommonitor.search.config.SearchConfig;

import java.util.List;

/** Full-text search over the classified articles. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public static final String LATENCY_TIMER = "newsroom.search.latency";

    static final String SYNTAX = "Editor syntax (Lucene SimpleQueryParser + AND/OR/NOT): words (all must match), "
            + "\"quoted phrases\", AND or +, OR or |, NOT or - before a word/phrase/group, prefix* (2+ characters), "
            + "(parentheses) to group; operators apply left to right; \\ escapes; * alone = everything. "
            + "An unclosed quote or parenthesis, or a query with nothing to search for, gives 400.";

    private final ArticleSearch search;
    private final SearchConfig.Api config;
    private final MeterRegistry registry;

    public SearchResource(ArticleSearch search, SearchConfig config, MeterRegistry registry) {
        this.search = search;
        this.config = config.api();
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Search articles", description = "By relevance when q is given (sort=relevance), otherwise "
            + "newest first. Filters combine with AND. Page through with the cursor of the previous response. "
            + SYNTAX)
    @APIResponse(responseCode = "200", description = "results, facets and histogram",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "{\"error\": \"why\"}: invalid q or parameter")
    @APIResponse(responseCode = "503", description = "{\"error\": \"why\"}: Elasticsearch unavailable")
    public SearchResult search(
            @Parameter(description = "editor query; empty or absent: all articles. " + SYNTAX) @QueryParam("q") String q,
            @Parameter(description = "topic id the article must have; repeatable (all must match)")
            @QueryParam("topic") List<String> topic,
            @Parameter(description = "place id the article must mention; repeatable (all must match)")
            @QueryParam("place") List<String> place,
            @Parameter(description = "organisation id the article must mention; repeatable (all must match)")
            @QueryParam("org") List<String> org,
            @Parameter(description = "source (feed) name; repeatable (any of them)") @QueryParam("source") List<String> source,
            @Parameter(description = "language code (en, ru, ...); repeatable (any of them)") @QueryParam("lang") List<String> lang,
            @Parameter(description = "published at or after: 2023-09-12 or 2023-09-12T14:05:00Z") @QueryParam("from") String from,
            @Parameter(description = "published at or before: 2023-09-12 (whole day) or an instant") @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or newest (default and only order without q)")
            @QueryParam("sort") String sort,
            @Parameter(description = "number of hits, default 20, at most 100 (larger values are capped)")
            @QueryParam("size") String size,
            @Parameter(description = "the cursor of the previous page (opaque); only valid with the same q, filters and sort")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "date histogram interval: auto (default, at most 30 buckets), hour, day, week, month, quarter, year")
            @QueryParam("interval") String interval,
            @Parameter(description = "false to skip facets and histogram (faster next pages); default true")
            @QueryParam("facets") String facets) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            SearchParams params = SearchParams.parse(
                    new SearchParams.Raw(q, topic, place, org, source, lang, from, to, sort, size, cursor, interval, facets),
                    new SearchParams.Limits(config.defaultSize(), config.maxSize(), config.maxQueryLength()));
            SearchResult result = search.search(params);
            outcome = "ok";
            return result;
        } catch (BadSearchRequestException e) {
            outcome = "bad_request";
            throw e;
        } catch (SearchUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            sample.stop(Timer.builder(LATENCY_TIMER)
                    .description("Time to answer GET /api/search")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
