package org.newsroommonitor.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newsroommonitor.search.config.SearchConfig;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

/**
 * The article index: the concrete index {@code news-articles-v1} behind the alias {@code news-articles}.
 * At start-up a background thread creates it when the alias is missing, retrying with exponential backoff
 * ({@code newsroom.search.index.init-backoff}, {@code init-backoff-max}) until Elasticsearch answers, so the
 * service starts even while Elasticsearch is down; {@link #isReady()} (and the readiness check) reports whether
 * the alias exists. Reads and writes always use the alias.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);

    /** Answers whether the cluster has the {@code english} analyzer (the analysis-common module). */
    @FunctionalInterface
    public interface EnglishProbe {
        boolean englishAvailable() throws IOException;
    }

    private final ElasticsearchClient client;
    private final SearchConfig.Index config;
    private final TypedGuard<Void> creation;

    private volatile boolean ready;
    private volatile String indexName;
    private volatile String textAnalyzer;
    private volatile String lastError = "not checked yet";
    private volatile Thread initThread;

    public ArticleIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config.index();
        this.creation = ExponentialRetry.of(Void.class, "search index creation", ExponentialRetry.UNTIL_SUCCESS,
                this.config.initBackoff(), this.config.initBackoffMax());
    }

    void onStart(@Observes StartupEvent event) {
        initThread = Thread.ofVirtual().name("article-index-init").start(this::ensureWithRetry);
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread thread = initThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public String alias() {
        return config.alias();
    }

    public boolean isReady() {
        return ready;
    }

    /** The concrete index behind the alias once ready, else null. */
    public String indexName() {
        return indexName;
    }

    /** The analyzer of the full-text fields when this instance created the index, else null. */
    public String textAnalyzer() {
        return textAnalyzer;
    }

    public String lastError() {
        return lastError;
    }

    /** Creates the index (see {@link #ensure()}), retried in the background until Elasticsearch answers. */
    void ensureWithRetry() {
        try {
            creation.call(() -> {
                try {
                    ensure();
                    return null;
                } catch (Exception e) {
                    lastError = describe(e);
                    LOG.warnf("Search index %s not ready (%s); retrying", config.alias(), lastError);
                    throw e;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // retried until it succeeds: only a stop ends it early
            LOG.debugf("Search index %s creation ended: %s", config.alias(), describe(e));
        }
    }

    /** Makes sure the alias exists, creating the index and/or the alias when missing. Idempotent. */
    public synchronized void ensure() throws IOException {
        if (ready) {
            return;
        }
        String alias = config.alias();
        String name = config.name();
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            var indices = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
            addNewFields(alias);
            markReady(String.join(",", indices), null);
            LOG.infof("Search alias %s exists (index %s); not creating %s", alias, indexName, name);
            return;
        }
        if (client.indices().exists(i -> i.index(name)).value()) {
            client.indices().putAlias(a -> a.index(name).name(alias).isWriteIndex(true));
            addNewFields(alias);
            markReady(name, null);
            LOG.infof("Index %s existed without alias; added alias %s", name, alias);
            return;
        }
        String analyzer = chooseAnalyzer(config.analyzer(), this::probeEnglish);
        String body = ArticleIndexMapping.indexBody(analyzer, config.shards(), config.replicas(), alias).toString();
        try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
            markReady(name, analyzer);
            LOG.infof("Created index %s behind alias %s with text analyzer '%s' (%s)", name, alias, analyzer,
                    ArticleIndexMapping.ENGLISH.equals(analyzer) ? "english analyzer available"
                            : "no english analyzer on this cluster or configured standard");
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                // another replica created it at the same moment: take the existing one
                LOG.infof("Index %s was created concurrently; re-checking", name);
                ensure();
                return;
            }
            throw e;
        }
    }

    /**
     * Puts the fields added since v1 ({@link ArticleIndexMapping#additions()}) into an existing index, and the
     * mapping's {@code dynamic} setting (an index created as {@code strict} stores unknown fields from then on).
     */
    private void addNewFields(String alias) throws IOException {
        ObjectNode mapping = JSON_FACTORY.objectNode().put("dynamic", ArticleIndexMapping.DYNAMIC);
        String body = mapping.set("properties", ArticleIndexMapping.additions()).toString();
        client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(body)));
    }

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON_FACTORY =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    /**
     * Which analyzer the full-text fields get: {@code english} or {@code standard} when configured so, otherwise
     * ({@code auto}) {@code english} exactly when the cluster has it.
     */
    public static String chooseAnalyzer(String configured, EnglishProbe probe) throws IOException {
        String value = configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case ArticleIndexMapping.ENGLISH -> ArticleIndexMapping.ENGLISH;
            case ArticleIndexMapping.STANDARD -> ArticleIndexMapping.STANDARD;
            case "auto", "" -> probe.englishAvailable() ? ArticleIndexMapping.ENGLISH : ArticleIndexMapping.STANDARD;
            default -> throw new IllegalArgumentException(
                    "newsroom.search.index.analyzer must be auto, english or standard, not " + configured);
        };
    }

    /** Asks the cluster to analyze a text with {@code english}: a 400 means the analyzer does not exist. */
    boolean probeEnglish() throws IOException {
        try {
            client.indices().analyze(a -> a.analyzer(ArticleIndexMapping.ENGLISH).text("blockaded corridors"));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                LOG.infof("Cluster has no english analyzer (%s)", e.error().reason());
                return false;
            }
            throw e;
        }
    }

    private void markReady(String index, String analyzer) {
        this.indexName = index;
        this.textAnalyzer = analyzer;
        this.lastError = null;
        this.ready = true;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
