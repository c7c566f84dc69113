package org.newsroommonitor.ingest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JDK HTTP server on a free port serving one RSS feed whose content the test can change, at
 * {@link #FEED_PATH}, and whatever a test puts at other paths ({@link #serve(String, String, String)},
 * {@link #redirect}); every other path answers 404.
 */
public final class FixtureFeedServer {

    public static final String FEED_PATH = "/feeds/caucasus-wire.rss";
    public static final String MISSING_PATH = "/feeds/missing.rss";

    private static final AtomicReference<byte[]> FEED = new AtomicReference<>(new byte[0]);
    private static final Map<String, Answer> OTHERS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private FixtureFeedServer() {
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Answer other = OTHERS.get(exchange.getRequestURI().getPath());
            if (other != null) {
                other.headers().forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(other.status(), other.body().length == 0 ? -1 : other.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(other.body());
                }
                return;
            }
            byte[] body = exchange.getRequestURI().getPath().equals(FEED_PATH) ? FEED.get() : null;
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public static int port() {
        return server.getAddress().getPort();
    }

    public static void serve(byte[] feed) {
        FEED.set(feed);
    }

    /** Serves {@code body} with HTTP 200 and this {@code Content-Type} at {@code path}, until {@link #forget}. */
    public static void serve(String path, String contentType, String body) {
        OTHERS.put(path, new Answer(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers {@code path} with a 302 redirect to {@code location}, until {@link #forget}. */
    public static void redirect(String path, String location) {
        OTHERS.put(path, new Answer(302, Map.of("Location", location), new byte[0]));
    }

    /** Stops serving what {@link #serve(String, String, String)} or {@link #redirect} put at {@code path}. */
    public static void forget(String path) {
        OTHERS.remove(path);
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }
}
