package org.newsroommonitor.localstack;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The transport security of the local stack's secured mode (docs/SECURITY.md, "Transport security"): a CA made for
 * this data directory, one server certificate it signed (SAN {@code IP:127.0.0.1}, {@code DNS:localhost}) that both
 * Kafka and Elasticsearch present, and random passwords for the Kafka SCRAM users and the Elasticsearch users. Made
 * on the first secured start under {@code <data dir>/security/transport/} with the JDK's {@code keytool}, reused by
 * every later one; nothing of it is in the repository.
 * <p>
 * The services get the same settings as on Kubernetes ({@link #serviceEnvironment(String)}): Kafka's client
 * properties as {@code KAFKA_*} variables, Elasticsearch's as {@code QUARKUS_ELASTICSEARCH_*}.
 */
public final class TransportSecurity {

    /** The SCRAM mechanism of every Kafka user. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** The Kafka user the broker itself (inter-broker listener) and the stack's own admin client use. */
    public static final String KAFKA_ADMIN = "newsroom-admin";
    /** The Elasticsearch superuser of the stack itself (readiness, tests). */
    public static final String ES_ADMIN = "newsroom-admin";
    /** The Elasticsearch user of search-service, with the role {@value #ES_SERVICE_ROLE} only. */
    public static final String ES_SERVICE_USER = "search-service";
    /** The role of {@value #ES_SERVICE_USER}: the {@code news-articles*} indices and aliases, cluster monitor. */
    public static final String ES_SERVICE_ROLE = "newsroom_search";

    static final String SECRETS = "transport.properties";
    private static final String CA_ALIAS = "newsroom-local-ca";
    private static final String SERVER_ALIAS = "server";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Properties secrets;

    private TransportSecurity(Path directory, Properties secrets) {
        this.directory = directory;
        this.secrets = secrets;
    }

    /**
     * The CA, server certificate and passwords kept under {@code directory}, made (with {@code keytool}) when
     * there are none yet.
     */
    public static TransportSecurity createOrReuse(Path directory) {
        try {
            Files.createDirectories(directory);
            Path secretsFile = directory.resolve(SECRETS);
            Properties secrets = new Properties();
            if (Files.exists(secretsFile)) {
                try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                    secrets.load(reader);
                }
            }
            TransportSecurity security = new TransportSecurity(directory, secrets);
            boolean complete = Files.exists(security.caCertificate()) && Files.exists(security.serverKeyStore())
                    && Files.exists(security.serverKey())
                    && secrets.getProperty("server.keystore.password") != null;
            if (!complete) {
                secrets.clear();
                for (String user : kafkaUsers()) {
                    secrets.setProperty("kafka.user." + user, secret(18));
                }
                secrets.setProperty("es.user." + ES_ADMIN, secret(18));
                secrets.setProperty("es.user." + ES_SERVICE_USER, secret(18));
                secrets.setProperty("server.keystore.password", secret(18));
                secrets.setProperty("ca.keystore.password", secret(18));
                security.makeCertificates();
                writeOwnerOnly(secretsFile, secrets);
            }
            return security;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the transport security material under " + directory, e);
        }
    }

    /** The Kafka SCRAM users: the stack's admin (also the broker's inter-broker user) and one per service. */
    public static List<String> kafkaUsers() {
        List<String> users = new ArrayList<>();
        users.add(KAFKA_ADMIN);
        users.addAll(LocalStack.SERVICES.stream().sorted().toList());
        return users;
    }

    public String kafkaPassword(String user) {
        return required("kafka.user." + user);
    }

    public String elasticsearchPassword(String user) {
        return required("es.user." + user);
    }

    /** Kafka's {@code sasl.jaas.config} for {@code user} with {@code password} (SCRAM). */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * Kafka client properties that authenticate as {@code user} over TLS, trusting the local CA (a PEM trust
     * store, as on Kubernetes): for the stack's own clients and the tests'.
     */
    public Map<String, Object> kafkaClientProperties(String user) {
        return kafkaClientProperties(user, kafkaPassword(user));
    }

    /** As {@link #kafkaClientProperties(String)}, with any password (a test of a wrong one). */
    public Map<String, Object> kafkaClientProperties(String user, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", "SASL_SSL");
        properties.put("sasl.mechanism", SCRAM_MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig(user, password));
        properties.put("ssl.truststore.type", "PEM");
        properties.put("ssl.truststore.location", caCertificate().toString());
        return properties;
    }

    /**
     * What a service gets to authenticate to Kafka as itself and (search-service) to Elasticsearch: the same
     * variables the Kubernetes manifests set (deploy/k8s/base/config, apps/).
     */
    public Map<String, String> serviceEnvironment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        kafkaClientProperties(service).forEach((name, value) ->
                environment.put("KAFKA_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value.toString()));
        if (service.equals("search-service")) {
            environment.put("QUARKUS_ELASTICSEARCH_PROTOCOL", "https");
            environment.put("QUARKUS_ELASTICSEARCH_USERNAME", ES_SERVICE_USER);
            environment.put("QUARKUS_ELASTICSEARCH_PASSWORD", elasticsearchPassword(ES_SERVICE_USER));
            // the Elasticsearch client (only it) trusts the local CA, as it trusts ECK's on Kubernetes
            environment.put("NEWSROOM_ELASTICSEARCH_CA_FILE", caCertificate().toString());
        }
        return environment;
    }

    /** The broker's {@code server.properties} lines for a SASL_SSL client listener named {@code listener}. */
    List<String> kafkaBrokerProperties(String listener) {
        String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
        return List.of(
                "sasl.enabled.mechanisms=" + SCRAM_MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + SCRAM_MECHANISM,
                prefix + SCRAM_MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config="
                        + jaasConfig(KAFKA_ADMIN, kafkaPassword(KAFKA_ADMIN)),
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + serverKeyStore(),
                "ssl.keystore.password=" + required("server.keystore.password"),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + caCertificate(),
                "ssl.client.auth=none");
    }

    /** The {@code --add-scram} arguments of Kafka's storage format: every user with its password. */
    List<String> kafkaScramFormatArguments() {
        List<String> arguments = new ArrayList<>();
        for (String user : kafkaUsers()) {
            arguments.add("--add-scram");
            arguments.add(SCRAM_MECHANISM + "=[name=" + user + ",password=" + kafkaPassword(user) + "]");
        }
        return arguments;
    }

    /** The CA's certificate (PEM): what clients trust. */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /** The server's certificate chain (PEM). */
    public Path serverCertificate() {
        return directory.resolve("server.crt");
    }

    /** The server's private key (PEM, PKCS#8, unencrypted; owner only): for Elasticsearch. */
    public Path serverKey() {
        return directory.resolve("server.key");
    }

    /** The server's key and certificate chain (PKCS12): for Kafka. */
    public Path serverKeyStore() {
        return directory.resolve("server.p12");
    }

    /** An SSL context that trusts the local CA only: for the stack's and the tests' HTTPS calls to Elasticsearch. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(caCertificate())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(CA_ALIAS, CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caCertificate(), e);
        }
    }

    /** The value of an {@code Authorization} header for Elasticsearch user {@code user}. */
    public String elasticsearchAuthorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + elasticsearchPassword(user)).getBytes(StandardCharsets.UTF_8));
    }

    private String required(String key) {
        String value = secrets.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in " + directory.resolve(SECRETS));
        }
        return value;
    }

    private void makeCertificates() throws IOException {
        Path ca = directory.resolve("ca.p12");
        String caPassword = required("ca.keystore.password");
        String serverPassword = required("server.keystore.password");
        for (Path old : List.of(ca, serverKeyStore(), caCertificate(), serverCertificate(), serverKey(),
                directory.resolve("server.csr"))) {
            Files.deleteIfExists(old);
        }
        keytool("-genkeypair", "-alias", CA_ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=Newsroom Monitor local CA", "-ext", "bc:c", "-ext", "KU=keyCertSign,cRLSign",
                "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", caPassword);
        keytool("-exportcert", "-rfc", "-alias", CA_ALIAS, "-keystore", ca.toString(), "-storepass", caPassword,
                "-file", caCertificate().toString());
        keytool("-genkeypair", "-alias", SERVER_ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=localhost", "-keystore", serverKeyStore().toString(), "-storetype", "PKCS12",
                "-storepass", serverPassword);
        Path request = directory.resolve("server.csr");
        keytool("-certreq", "-alias", SERVER_ALIAS, "-keystore", serverKeyStore().toString(), "-storepass",
                serverPassword, "-file", request.toString());
        Path signed = directory.resolve("server-only.crt");
        keytool("-gencert", "-rfc", "-alias", CA_ALIAS, "-keystore", ca.toString(), "-storepass", caPassword,
                "-infile", request.toString(), "-outfile", signed.toString(), "-validity", "825",
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caCertificate().toString(),
                "-keystore", serverKeyStore().toString(), "-storepass", serverPassword);
        keytool("-importcert", "-noprompt", "-alias", SERVER_ALIAS, "-file", signed.toString(),
                "-keystore", serverKeyStore().toString(), "-storepass", serverPassword);
        Files.writeString(serverCertificate(), Files.readString(signed) + Files.readString(caCertificate()));
        Files.delete(signed);
        Files.delete(request);
        writePrivateKey(serverPassword);
    }

    private void writePrivateKey(String serverPassword) throws IOException {
        try (InputStream in = Files.newInputStream(serverKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, serverPassword.toCharArray());
            Key key = store.getKey(SERVER_ALIAS, serverPassword.toCharArray());
            Certificate certificate = store.getCertificate(SERVER_ALIAS);
            if (key == null || certificate == null) {
                throw new IllegalStateException("keytool made no server key in " + serverKeyStore());
            }
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path temporary = serverKey().resolveSibling("server.key.tmp");
            createOwnerOnly(temporary);
            Files.writeString(temporary, pem);
            Files.move(temporary, serverKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + serverKeyStore(), e);
        }
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Jdk.home().resolve("bin/keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " took more than 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hex only: safe in SCRAM's format arguments, JAAS quotes and command lines. */
    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void writeOwnerOnly(Path file, Properties content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        createOwnerOnly(temporary);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.store(writer, "Newsroom Monitor local stack, secured mode: Kafka and Elasticsearch passwords; keep private");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
