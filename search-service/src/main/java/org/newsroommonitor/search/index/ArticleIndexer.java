package org.newsroommonitor.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.search.config.SearchConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes classified articles to the article alias with the bulk API, one document per article id, versioned by
 * the article revision ({@code version_type=external_gte}: a re-delivered message rewrites the same document, an
 * older revision never overwrites a newer one). Every item of the response is checked; transient failures are
 * retried (only the failed items) with exponential backoff by a SmallRye Fault Tolerance retry built from
 * {@code newsroom.search.indexing}; when the attempts are exhausted {@link IndexingFailedException} is thrown so the
 * caller does not acknowledge the messages.
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
    private final IndexingMetrics metrics;
    private final int maxAttempts;
    private final TypedGuard<Result> retry;

    public ArticleIndexer(ElasticsearchClient client, ArticleIndex index, SearchConfig config,
                          IndexingMetrics metrics) {
        this.client = client;
        this.index = index;
        this.metrics = metrics;
        SearchConfig.Indexing indexing = config.indexing();
        this.maxAttempts = Math.max(1, indexing.maxAttempts());
        this.retry = ExponentialRetry.of(Result.class, "bulk indexing", maxAttempts, indexing.backoff(),
                indexing.backoffMax());
    }

    public Result index(List<ClassifiedArticle> articles) {
        Batch batch = new Batch(articles);
        try {
            return retry.call(batch::attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexingFailedException("interrupted while waiting to retry", e);
        } catch (Exception e) {
            throw new IndexingFailedException("Indexing " + batch.pending.size() + " articles failed "
                    + batch.attempts + " times; last failure: " + e, e);
        }
    }

    /** One call's articles: what is still to index, and what came of the rest. */
    private final class Batch {
        private List<ClassifiedArticle> pending;
        private final List<Rejection> rejected = new ArrayList<>();
        private int indexed;
        private int stale;
        private int attempts;
        private String lastItemFailure;

        Batch(List<ClassifiedArticle> articles) {
            this.pending = List.copyOf(articles);
        }

        /** Sends what is pending; throws (for a retry of what is still pending) on any transient failure. */
        Result attempt() throws Exception {
            attempts++;
            try {
                pending = send(pending);
            } catch (Exception e) {
                // the whole request failed (connection refused, 5xx, 429, index not ready, ...): all is pending
                failed(e);
                throw e;
            }
            if (!pending.isEmpty()) {
                TransientIndexingFailure failure = new TransientIndexingFailure(lastItemFailure);
                failed(failure);
                throw failure;
            }
            return new Result(indexed, stale, List.copyOf(rejected));
        }

        /** The articles to retry: those whose items failed transiently. */
        private List<ClassifiedArticle> send(List<ClassifiedArticle> articles) throws Exception {
            if (!index.isReady()) {
                throw new IllegalStateException("search index " + index.alias() + " not ready: " + index.lastError());
            }
            List<BulkResponseItem> items = client.bulk(request(articles)).items();
            List<ClassifiedArticle> retry = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                ClassifiedArticle article = articles.get(i);
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
                        lastItemFailure = describe(item);
                    }
                    case REJECTED -> {
                        rejected.add(new Rejection(article, item.status(), describe(item)));
                        metrics.rejected(1);
                    }
                }
            }
            return retry;
        }

        private void failed(Exception failure) {
            metrics.transientFailures(pending.size());
            LOG.warnf("Indexing %d articles failed (attempt %d of %d: %s)%s", pending.size(), attempts, maxAttempts,
                    failure, attempts < maxAttempts ? "; retrying" : "");
        }
    }

    /** Some items of a bulk request failed transiently (429, 5xx); they are retried. */
    private static final class TransientIndexingFailure extends Exception {
        TransientIndexingFailure(String lastItem) {
            super("items failed transiently, the last " + lastItem);
        }
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
}
