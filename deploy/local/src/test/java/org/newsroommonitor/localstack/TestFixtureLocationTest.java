package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestServers} is a test fixture: it is compiled with this module's tests (and packaged into its test jar,
 * which the services' tests depend on), never into the launcher's main jar, which holds only what
 * {@code ./newsroom run} needs.
 */
class TestFixtureLocationTest {

    @Test
    void testServersAreNotInTheLaunchersClasses() throws URISyntaxException {
        Path launcher = location(LocalStackMain.class);
        Path fixture = location(TestServers.class);

        assertThat(fixture).isNotEqualTo(launcher);
        assertThat(launcher.resolve("org/newsroommonitor/localstack/TestServers.class")).doesNotExist();
        assertThat(fixture.resolve("org/newsroommonitor/localstack/TestServers.class")).exists();
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
