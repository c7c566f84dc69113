package org.newsroommonitor.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server for feeds on 127.0.0.1: serves the bundled sample feeds (or any feed a test puts in) under
 * {@code /feeds/<name>}, with an ETag so a polite reader can make conditional requests.
 */
public final class SampleFeedServer implements AutoCloseable {

    /** The feeds bundled with the local stack, in {@code sample-feeds/} next to this class. */
    public static final List<String> BUNDLED = List.of("caucasus-wire.rss", "relief-monitor.atom");

    private final HttpServer server;
    private final Map<String, byte[]> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Queue<Request> log = new ConcurrentLinkedQueue<>();

    /** One request for a feed: which feed, the User-Agent that asked (ingest replicas name themselves), when. */
    public record Request(String feed, String userAgent, Instant at) {
    }

    private SampleFeedServer(HttpServer server) {
        this.server = server;
    }

    public static SampleFeedServer start(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(Net.LOOPBACK, port), 16);
            SampleFeedServer feedServer = new SampleFeedServer(http);
            http.createContext("/feeds/", feedServer::handle);
            http.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "sample-feed-server");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            return feedServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve sample feeds on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Starts the server with the bundled sample feeds. */
    public static SampleFeedServer startWithBundledFeeds(int port) {
        SampleFeedServer server = start(port);
        BUNDLED.forEach(name -> server.put(name, bundled(name)));
        return server;
    }

    public static byte[] bundled(String name) {
        try (InputStream in = SampleFeedServer.class.getResourceAsStream("sample-feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled sample feed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves (or replaces) a feed. */
    public void put(String name, byte[] body) {
        feeds.put(name, body.clone());
    }

    public String url(String name) {
        return "http://" + Net.LOOPBACK + ":" + port() + "/feeds/" + name;
    }

    public List<String> urls() {
        return feeds.keySet().stream().sorted().map(this::url).toList();
    }

    /** How many times a feed was requested (whatever the answer). */
    public int requestCount(String name) {
        AtomicInteger count = requests.get(name);
        return count == null ? 0 : count.get();
    }

    /** Every request for a feed since the start, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(log);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
            requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            log.add(new Request(name, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")),
                    Instant.now()));
            byte[] body = feeds.get(name);
            if (body == null || !"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                byte[] message = "not found\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body == null ? 404 : 405, message.length);
                exchange.getResponseBody().write(message);
                return;
            }
            String etag = "\"" + sha256(body) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".atom")
                    ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
