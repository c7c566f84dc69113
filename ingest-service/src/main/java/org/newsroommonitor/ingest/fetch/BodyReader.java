package org.newsroommonitor.ingest.fetch;

import org.apache.hc.core5.http.HttpEntity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body under the size limit: the bytes on the wire are counted, and a gzip body is decoded as it
 * streams with the decoded bytes counted too, so neither a huge body nor a gzip bomb is read past the limit.
 * <p>
 * A body whose bytes are gzip or zlib data although no {@code Content-Encoding} said so (a server that serves
 * {@code feed.xml.gz} as it is, or compresses twice) is decoded too, under the same limit; when those bytes do not
 * decode after all, the body is kept as it came.
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
    Body read(HttpEntity entity, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try (InputStream raw = new LimitedInputStream(entity.getContent(), limit, null)) {
            InputStream decoded = switch (encoding) {
                case "identity", "" -> raw;
                case "gzip", "x-gzip" ->
                        new LimitedInputStream(new GZIPInputStream(raw), limit, "decoded, the feed is ");
                default -> throw new UnsupportedEncodingException(encoding);
            };
            bytes = decoded.readAllBytes();
        }
        String undeclared = undeclaredCompression(bytes);
        if (undeclared == null) {
            return new Body(bytes, null);
        }
        String prefix = "the body is " + undeclared
                + "-compressed data sent without a Content-Encoding, and decoded it is ";
        try (InputStream compressed = new ByteArrayInputStream(bytes);
             InputStream decoded = new LimitedInputStream(undeclared.equals("gzip")
                     ? new GZIPInputStream(compressed) : new InflaterInputStream(compressed), limit, prefix)) {
            return new Body(decoded.readAllBytes(), undeclared);
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IOException notCompressedAfterAll) {
            return new Body(bytes, null); // the parser says what the body is
        }
    }

    /**
     * {@code gzip} or {@code zlib} when the bytes start as those formats do (the gzip magic number; a zlib header
     * with the usual 32 KiB window, no preset dictionary and a valid check), else {@code null}. Raw deflate has no
     * header to recognise.
     */
    static String undeclaredCompression(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0x1f && second == 0x8b) {
            return "gzip";
        }
        if (first == 0x78 && (second & 0x20) == 0 && ((first << 8) | second) % 31 == 0) {
            return "zlib";
        }
        return null;
    }

    /**
     * A body as read.
     *
     * @param bytes      the body, decoded
     * @param undeclared the compression its bytes carried without a {@code Content-Encoding} ({@code gzip},
     *                   {@code zlib}) and that was decoded, else {@code null}
     */
    record Body(byte[] bytes, String undeclared) {
    }

    /** Fails once more than {@code limit} bytes went through. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final String decoded;
        private long count;

        /** @param decoded how the message starts when the decoded bytes pass the limit; {@code null}: not decoded */
        LimitedInputStream(InputStream in, long limit, String decoded) {
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
        BodyTooLargeException(long limit, String decoded) {
            super((decoded == null ? "the feed is " : decoded) + "larger than the limit of " + limit
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
