package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the real Kafka broker and Elasticsearch distribution live on this machine. The Maven build of this
 * module resolves them from Maven Central into the local repository and records their paths in
 * {@code local-stack.properties}; nothing is downloaded by hand.
 */
public record Distributions(String elasticsearchVersion, Path elasticsearchZip, String kafkaVersion, List<Path> kafkaClasspath) {

    private static final String RESOURCE = "/local-stack.properties";

    public static Distributions fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build deploy/local with Maven first");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Distributions distributions = new Distributions(
                properties.getProperty("elasticsearch.version"),
                Path.of(properties.getProperty("elasticsearch.zip")),
                properties.getProperty("kafka.version"),
                Arrays.stream(properties.getProperty("kafka.broker.classpath").split(java.io.File.pathSeparator))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .toList());
        distributions.check();
        return distributions;
    }

    private void check() {
        if (!Files.isRegularFile(elasticsearchZip)) {
            throw new IllegalStateException("Elasticsearch " + elasticsearchVersion + " distribution not found at "
                    + elasticsearchZip + ": run the Maven build (it downloads it from Maven Central)");
        }
        for (Path jar : kafkaClasspath) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Kafka broker jar not found: " + jar
                        + ": run the Maven build (it downloads the broker from Maven Central)");
            }
        }
    }

    public String kafkaClasspathString() {
        return String.join(java.io.File.pathSeparator, kafkaClasspath.stream().map(Path::toString).toList());
    }
}
