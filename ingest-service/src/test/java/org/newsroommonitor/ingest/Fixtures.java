package org.newsroommonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The feed files of {@code src/test/resources/feeds}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The bytes of {@code feeds/<name>}. */
    public static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
