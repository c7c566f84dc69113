package org.newsroommonitor.search.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.localstack.TransportSecurity;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLParameters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Elasticsearch client's trust ({@code newsroom.elasticsearch.ca-file}): a TLS server whose certificate the
 * local stack's CA signed is trusted; the same server is not, for a context trusting another CA.
 */
class ElasticsearchTrustTest {

    @Test
    void trustsAServerSignedByTheConfiguredCaOnly(@TempDir Path temp) throws Exception {
        TransportSecurity local = TransportSecurity.createOrReuse(temp.resolve("one"));
        TransportSecurity other = TransportSecurity.createOrReuse(temp.resolve("two"));

        try (SSLServerSocket server = server(local)) {
            assertThat(handshake(ElasticsearchTrust.trusting(local.caCertificate()), server)).isEqualTo("TLSv1.3");
            assertThatThrownBy(() -> handshake(ElasticsearchTrust.trusting(other.caCertificate()), server))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX path");
        }
    }

    @Test
    void aFileWithoutACertificateIsRefusedAtStart(@TempDir Path temp) throws Exception {
        Path empty = Files.writeString(temp.resolve("ca.crt"), "");
        assertThatThrownBy(() -> ElasticsearchTrust.trusting(empty))
                .hasMessageContaining("newsroom.elasticsearch.ca-file " + empty);
    }

    private static SSLServerSocket server(TransportSecurity security) throws Exception {
        String password = Files.readAllLines(security.caCertificate().resolveSibling("transport.properties")).stream()
                .filter(l -> l.startsWith("server.keystore.password=")).findFirst().orElseThrow().split("=", 2)[1];
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(security.serverKeyStore())) {
            keyStore.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress());
        CompletableFuture.runAsync(() -> {
            while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                } catch (Exception ignored) {
                    // a refused handshake, or closed
                }
            }
        });
        return server;
    }

    /** The protocol of a handshake with {@code server} as 127.0.0.1, host name verified (HTTPS). */
    private static String handshake(SSLContext context, SSLServerSocket server) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
