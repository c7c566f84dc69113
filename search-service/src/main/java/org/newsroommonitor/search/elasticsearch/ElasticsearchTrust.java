package org.newsroommonitor.search.elasticsearch;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;

/**
 * Makes the Elasticsearch client trust the CA of {@link ElasticsearchTlsConfig#caFile()} when it is set (ECK's
 * {@code ca.crt}, the local stack's secured mode): an {@link SSLContext} of its own for that client only, so the
 * rest of the service (OIDC, ...) keeps the JVM's default trust. Host names are still verified.
 */
@ElasticsearchClientConfig
@ApplicationScoped
public class ElasticsearchTrust implements RestClientBuilder.HttpClientConfigCallback {

    private final Optional<SSLContext> sslContext;

    public ElasticsearchTrust(ElasticsearchTlsConfig config) {
        this.sslContext = config.caFile().map(ElasticsearchTrust::trusting);
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        sslContext.ifPresent(builder::setSSLContext);
        return builder;
    }

    /** An SSL context that trusts exactly the certificates in the PEM file {@code caFile}. */
    static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("newsroom.elasticsearch.ca-file " + caFile + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("elasticsearch-ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read newsroom.elasticsearch.ca-file " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("newsroom.elasticsearch.ca-file " + caFile + " is not a PEM certificate", e);
        }
    }
}
