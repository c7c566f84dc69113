package org.newsroommonitor.ingest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JDK HTTP server on a free port serving one RSS feed whose content the test can change, at
 * {@link #FEED_PATH}; every other path answers 404.
 */
public final class FixtureFeedServer {

    public static final String FEED_PATH = "/feeds/caucasus-wire.rss";
    public static final String MISSING_PATH = "/feeds/missing.rss";

    private static final AtomicReference<byte[]> FEED = new AtomicReference<>(new byte[0]);
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
}
