package org.newsroommonitor.search;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (the wire-format examples in docs/messages) for tests. */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root: system property {@code newsroom.repo.root} (set by the root surefire config). */
    public static Path root() {
        String root = System.getProperty("newsroom.repo.root");
        if (root != null && Files.isDirectory(Path.of(root, "docs", "messages"))) {
            return Path.of(root);
        }
        // run from the module directory (mvn inside search-service): the parent holds docs/
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("messages"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("newsroom.repo.root is not set and no docs/messages above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path message(String name) {
        return root().resolve("docs").resolve("messages").resolve(name);
    }
}
