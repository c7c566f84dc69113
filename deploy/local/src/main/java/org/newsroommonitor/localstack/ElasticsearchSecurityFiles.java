package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The files a secured Elasticsearch node reads from its config directory: the server certificate, key and CA of
 * {@link TransportSecurity} under {@code tls/}, the role of search-service in {@code roles.yml}, and the users of
 * the file realm ({@code users}, {@code users_roles}), written anew at every start by the distribution's own
 * {@code elasticsearch-users} tool from the passwords of {@link TransportSecurity}.
 */
final class ElasticsearchSecurityFiles {

    /**
     * What search-service may do: everything on its indices and aliases ({@code news-articles*}: create the
     * versioned index, move the alias, index, search); cluster {@code monitor} (health, its readiness check) and
     * {@code manage}, because its analyzer probe ({@code _analyze} without an index, {@code cluster:admin/analyze})
     * is granted by nothing narrower. No privilege on any other index's data, nor on security.
     */
    static final String ROLES = String.join("\n",
            "# Written by the local stack (secured mode) at every start; edit ElasticsearchSecurityFiles.java instead.",
            TransportSecurity.ES_SERVICE_ROLE + ":",
            "  cluster: [ monitor, manage ]",
            "  indices:",
            "    - names: [ 'news-articles*' ]",
            "      privileges: [ all ]",
            "");

    private ElasticsearchSecurityFiles() {
    }

    static void write(TransportSecurity security, Path home, Path configDir, String tlsDirectory) throws IOException {
        Path tls = configDir.resolve(tlsDirectory);
        Files.createDirectories(tls);
        Files.copy(security.caCertificate(), tls.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(security.serverCertificate(), tls.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(security.serverKey(), tls.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(configDir.resolve("roles.yml"), ROLES);
        Files.writeString(configDir.resolve("users"), "");
        Files.writeString(configDir.resolve("users_roles"), "");
        addUser(home, configDir, TransportSecurity.ES_ADMIN, security.elasticsearchPassword(TransportSecurity.ES_ADMIN),
                "superuser");
        addUser(home, configDir, TransportSecurity.ES_SERVICE_USER,
                security.elasticsearchPassword(TransportSecurity.ES_SERVICE_USER), TransportSecurity.ES_SERVICE_ROLE);
    }

    private static void addUser(Path home, Path configDir, String user, String password, String role) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/elasticsearch-users").toString(),
                "useradd", user, "-p", password, "-r", role));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("ES_JAVA_HOME", Jdk.home().toString());
        environment.remove("JAVA_HOME");
        environment.put("ES_PATH_CONF", configDir.toString());
        environment.put("ES_JAVA_OPTS", "-Xms64m -Xmx128m");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("elasticsearch-users took more than 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("elasticsearch-users useradd " + user + " failed (" + process.exitValue()
                        + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
