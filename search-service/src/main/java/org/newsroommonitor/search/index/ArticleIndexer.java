package org.newsroommonitor.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.search.config.SearchConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes classified articles to the article alias with the bulk API, one document per article id, versioned by
 * the article revision ({@code version_type=external_gte}: a re-delivered message rewrites the same document, an
 * older revision never overwrites a newer one). Every item of the response is checked: transient failures are
 * retried with exponential backoff (only the failed items); when the attempts are exhausted
 * {@link IndexingFailedException} is thrown so the caller does not acknowledge the messages.
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);

    /** Elasticsearch refuses document ids longer than this many bytes. */
    public static final int MAX_ID_BYTES = 512;

    /** A document Elasticsearch refused for good. */
    public record Rejection(ClassifiedArticle article, int status, String reason) {
    }

    public record Result(int indexed, int stale, List<Rejection> rejected) {
    }

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final SearchConfig.Indexing config;
    private final IndexingMetrics metrics;

    public ArticleIndexer(ElasticsearchClient client, ArticleIndex index, SearchConfig config, IndexingMetrics metrics) {
        this.client = client;
        this.index = index;
        this.config = config.indexing();
        this.metrics = metrics;
    }

    public Result index(List<ClassifiedArticle> articles) {
        List<ClassifiedArticle> pending = List.copyOf(articles);
        List<Rejection> rejected = new ArrayList<>();
        int indexed = 0;
        int stale = 0;
        Duration wait = config.backoff();
        Exception lastFailure = null;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<ClassifiedArticle> retry = new ArrayList<>();
            try {
                if (!index.isReady()) {
                    throw new IllegalStateException("search index " + index.alias() + " not ready: " + index.lastError());
                }
                BulkResponse response = client.bulk(request(pending));
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    BulkResponseItem item = items.get(i);
                    ClassifiedArticle article = pending.get(i);
                    ErrorCause error = item.error();
                    switch (BulkItemOutcome.of(item.status(), error == null ? null : error.type())) {
                        case INDEXED -> {
                            indexed++;
                            if ("created".equals(item.result())) {
                                metrics.created(1);
                            } else {
                                metrics.updated(1);
                            }
                        }
                        case STALE -> {
                            stale++;
                            metrics.stale(1);
                        }
                        case TRANSIENT -> {
                            retry.add(article);
                            lastFailure = new IllegalStateException(describe(item));
                        }
                        case REJECTED -> {
                            rejected.add(new Rejection(article, item.status(), describe(item)));
                            metrics.rejected(1);
                        }
                    }
                }
            } catch (Exception e) {
                // the whole request failed (connection refused, 5xx, 429, index not ready, ...)
                retry = new ArrayList<>(pending);
                lastFailure = e;
            }
            pending = retry;
            if (pending.isEmpty()) {
                break;
            }
            metrics.transientFailures(pending.size());
            if (attempt >= config.maxAttempts()) {
                throw new IndexingFailedException("Indexing " + pending.size() + " articles failed " + attempt
                        + " times; last failure: " + lastFailure, lastFailure);
            }
            LOG.warnf("Indexing %d articles failed (attempt %d of %d: %s); retrying in %s",
                    pending.size(), attempt, config.maxAttempts(), lastFailure, wait);
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(config.backoffMax()) <= 0 ? wait.multipliedBy(2) : config.backoffMax();
        }
        return new Result(indexed, stale, rejected);
    }

    private BulkRequest request(List<ClassifiedArticle> articles) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.alias()).requireAlias(true);
        for (ClassifiedArticle article : articles) {
            bulk.operations(op -> op.index(i -> i
                    .id(article.id())
                    .version(article.article().revision())
                    .versionType(VersionType.ExternalGte)
                    .document(document(article))));
        }
        return bulk.build();
    }

    /** The stored document ({@link ArticleDocument}). */
    ObjectNode document(ClassifiedArticle article) {
        return ArticleDocument.of(article);
    }

    private static String describe(BulkResponseItem item) {
        ErrorCause error = item.error();
        return item.status() + (error == null ? "" : " " + error.type() + ": " + error.reason());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexingFailedException("interrupted while waiting to retry", e);
        }
    }
}
