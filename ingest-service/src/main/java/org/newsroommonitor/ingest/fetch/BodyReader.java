package org.newsroommonitor.ingest.fetch;

import org.apache.hc.core5.http.HttpEntity;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a response body under the size limit: the bytes on the wire are counted, and a gzip body is decoded as it
 * streams with the decoded bytes counted too, so neither a huge body nor a gzip bomb is read past the limit.
 */
final class BodyReader {

    private final long limit;

    BodyReader(long limit) {
        this.limit = limit;
    }

    /**
     * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
     * @throws BodyTooLargeException       when the body, on the wire or decoded, is larger than the limit
     * @throws UnsupportedEncodingException when the body is encoded otherwise than with gzip
     */
    byte[] read(HttpEntity entity, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try (InputStream raw = new LimitedInputStream(entity.getContent(), limit, false)) {
            InputStream decoded = switch (encoding) {
                case "identity", "" -> raw;
                case "gzip", "x-gzip" -> new LimitedInputStream(new GZIPInputStream(raw), limit, true);
                default -> throw new UnsupportedEncodingException(encoding);
            };
            return decoded.readAllBytes();
        }
    }

    /** Fails once more than {@code limit} bytes went through. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final boolean decoded;
        private long count;

        LimitedInputStream(InputStream in, long limit, boolean decoded) {
            super(in);
            this.limit = limit;
            this.decoded = decoded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (read > 0) {
                count(read);
            }
            return read;
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = read(buffer, 0, buffer.length)) != -1; ) {
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }

        private void count(int read) throws BodyTooLargeException {
            count += read;
            if (count > limit) {
                throw new BodyTooLargeException(limit, decoded);
            }
        }
    }

    /** The body is larger than allowed. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit, boolean decoded) {
            super((decoded ? "decoded, " : "") + "the feed is larger than the limit of " + limit
                    + " bytes (newsroom.ingest.max-body-size)");
        }
    }

    /** The body is encoded in a way the fetcher did not ask for. */
    static final class UnsupportedEncodingException extends IOException {
        UnsupportedEncodingException(String encoding) {
            super("the server sent the body with Content-Encoding '" + encoding + "', which is not supported "
                    + "(only gzip was accepted)");
        }
    }
}
