package org.newsroommonitor.search.elasticsearch;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How search-service trusts Elasticsearch's HTTPS certificate, under {@code newsroom.elasticsearch} (next to
 * Quarkus' own {@code quarkus.elasticsearch.*}, which has no TLS setting in Quarkus 3.32). Env:
 * {@code NEWSROOM_ELASTICSEARCH_CA_FILE}.
 */
@ConfigMapping(prefix = "newsroom.elasticsearch")
public interface ElasticsearchTlsConfig {

    /**
     * A PEM file with the CA certificate(s) that Elasticsearch's certificate must chain to (with
     * {@code quarkus.elasticsearch.protocol=https}); only the Elasticsearch client trusts them, and only them.
     * Unset: the JVM's default trust store.
     */
    Optional<Path> caFile();
}
