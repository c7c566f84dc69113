package org.newsroommonitor.classify.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of classify-service, all under {@code newsroom.classify}; each one can be overridden by the matching
 * environment variable ({@code newsroom.classify.taxonomy-file} -> {@code NEWSROOM_CLASSIFY_TAXONOMY_FILE}).
 */
@ConfigMapping(prefix = "newsroom.classify")
public interface ClassifyConfig {

    /**
     * A taxonomy YAML file to use instead of the bundled {@code taxonomy/taxonomy.yaml} (class path). Read once at
     * start-up; a file that does not load stops the start-up.
     */
    Optional<Path> taxonomyFile();
}
