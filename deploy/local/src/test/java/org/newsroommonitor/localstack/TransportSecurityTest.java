package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransportSecurityTest {

    @Test
    void makesACaAndAServerCertificateForLoopbackSignedByIt(@TempDir Path directory) throws Exception {
        TransportSecurity security = TransportSecurity.createOrReuse(directory);

        X509Certificate ca = certificate(security.caCertificate());
        X509Certificate server;
        try (InputStream in = Files.newInputStream(security.serverCertificate())) {
            server = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(in).iterator().next();
        }
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
        assertThat(server.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth

        String keyStorePassword = brokerProperty(security, "ssl.keystore.password");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(security.serverKeyStore())) {
            keyStore.load(in, keyStorePassword.toCharArray());
        }
        assertThat(keyStore.getCertificateChain("server")).hasSize(2);
        assertThat(Files.readString(security.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        for (Path secret : List.of(security.serverKey(), directory.resolve(TransportSecurity.SECRETS))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as("%s", secret)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aSecondStartReusesTheSamePasswordsAndCertificates(@TempDir Path directory) throws Exception {
        TransportSecurity first = TransportSecurity.createOrReuse(directory);
        String ca = Files.readString(first.caCertificate());

        TransportSecurity second = TransportSecurity.createOrReuse(directory);

        assertThat(Files.readString(second.caCertificate())).isEqualTo(ca);
        for (String user : TransportSecurity.kafkaUsers()) {
            assertThat(second.kafkaPassword(user)).isEqualTo(first.kafkaPassword(user)).hasSize(36);
        }
        assertThat(second.elasticsearchPassword("search-service")).isEqualTo(first.elasticsearchPassword("search-service"))
                .isNotEqualTo(first.elasticsearchPassword(TransportSecurity.ES_ADMIN));
        assertThat(TransportSecurity.kafkaUsers())
                .containsExactly("newsroom-admin", "classify-service", "ingest-service", "search-service");
    }

    @Test
    void eachServiceAuthenticatesAsItselfAndOnlySearchServiceGetsElasticsearch(@TempDir Path directory) {
        TransportSecurity security = TransportSecurity.createOrReuse(directory);

        Map<String, String> ingest = security.serviceEnvironment("ingest-service");
        assertThat(ingest).containsOnlyKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION");
        assertThat(ingest).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", security.caCertificate().toString())
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"ingest-service\" password=\"" + security.kafkaPassword("ingest-service") + "\";");

        Map<String, String> search = security.serviceEnvironment("search-service");
        assertThat(search).containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "https")
                .containsEntry("QUARKUS_ELASTICSEARCH_USERNAME", "search-service")
                .containsEntry("QUARKUS_ELASTICSEARCH_PASSWORD", security.elasticsearchPassword("search-service"));
        assertThat(search.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"search-service\"");
        assertThat(search).containsEntry("NEWSROOM_ELASTICSEARCH_CA_FILE", security.caCertificate().toString())
                .doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    private static String brokerProperty(TransportSecurity security, String name) {
        return security.kafkaBrokerProperties("SASL_SSL").stream().filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
