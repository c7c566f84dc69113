package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LocalUsersTest {

    @TempDir
    Path dir;

    @Test
    void theFirstRunMakesRandomPasswordsAndLaterRunsReuseThem() throws IOException {
        LocalUsers first = LocalUsers.createOrReuse(dir);
        assertThat(first.created()).isTrue();
        assertThat(first.passwords()).containsOnlyKeys("admin", "editor");
        assertThat(first.password("admin")).hasSize(24).isNotEqualTo(first.password("editor"));

        LocalUsers second = LocalUsers.createOrReuse(dir);
        assertThat(second.created()).isFalse();
        assertThat(second.passwords()).isEqualTo(first.passwords());

        LocalUsers elsewhere = LocalUsers.createOrReuse(dir.resolve("other"));
        assertThat(elsewhere.password("admin")).isNotEqualTo(first.password("admin"));
    }

    @Test
    void bothFilesAreReadableOnlyByTheirOwner() throws IOException {
        LocalUsers users = LocalUsers.createOrReuse(dir);
        for (Path file : new Path[] {users.credentialsFile(), users.serviceConfig()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void theServicesGetHashesRolesAndTheSessionKeyNeverAPassword() throws IOException {
        LocalUsers users = LocalUsers.createOrReuse(dir);
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(users.serviceConfig())) {
            config.load(reader);
        }
        assertThat(config.getProperty("quarkus.security.users.embedded.users.editor"))
                .isEqualTo(LocalUsers.hash("editor", users.password("editor"))).hasSize(128);
        assertThat(config.getProperty("quarkus.security.users.embedded.roles.admin")).isEqualTo("admin");
        assertThat(config.getProperty("quarkus.security.users.embedded.roles.editor")).isEqualTo("editor");
        assertThat(config.getProperty("quarkus.http.auth.session.encryption-key")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Files.readString(users.serviceConfig())).doesNotContain(users.password("admin"))
                .doesNotContain(users.password("editor"));
    }

    @Test
    void theHashIsTheOneQuarkusChecks() {
        // the %test user of http-edges' microprofile-config.properties: editor / editor-test-password
        assertThat(LocalUsers.hash("editor", "editor-test-password")).isEqualTo("37b600417858c174a83d88887623f55fb0f9"
                + "4e5995084e9b5902a1e86b3a59e7e475f8ee3a44b5cfd85c2bcb8dc83fc4a35d614456711109bedf6f091c760492");
    }
}
