package org.newsroommonitor.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FeedFetcherTest {

    private static final String USER_AGENT = "NewsroomMonitor/0.1 (+https://github.com/newsroom-monitor)";
    private static final int LIMIT = 64 * 1024;

    private static HttpServer server;
    private static ExecutorService executor;
    private static String base;
    private static byte[] feed;
    private static final CountDownLatch release = new CountDownLatch(1);
    private static final AtomicReference<String> seenUserAgent = new AtomicReference<>();
    private static final AtomicReference<String> seenAcceptEncoding = new AtomicReference<>();

    private final FeedFetcher fetcher =
            new FeedFetcher(Duration.ofSeconds(2), Duration.ofMillis(800), LIMIT, USER_AGENT);

    @BeforeAll
    static void startServer() throws Exception {
        feed = FeedParserTest.fixture("caucasus-wire.rss");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/feed", exchange -> {
            seenUserAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            seenAcceptEncoding.set(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            respond(exchange, 200, feed, null);
        });
        server.createContext("/gzip", exchange -> respond(exchange, 200, gzip(feed), "gzip"));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feed");
            respond(exchange, 302, new byte[0], null);
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            respond(exchange, 301, new byte[0], null);
        });
        server.createContext("/to-file", exchange -> {
            exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
            respond(exchange, 302, new byte[0], null);
        });
        server.createContext("/missing", exchange -> respond(exchange, 404, "gone".getBytes(), null));
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100 * 128; i++) { // up to 100 MiB unless the client hangs up first
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the fetcher cancels the download
            }
        });
        server.createContext("/bomb", exchange -> respond(exchange, 200, gzip(new byte[10 * 1024 * 1024]), "gzip"));
        server.createContext("/brotli", exchange -> respond(exchange, 200, feed, "br"));
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, feed, null);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void fetchesTheBodyWithTheProjectsUserAgentAndAcceptingGzip() {
        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(base + "/feed");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(feed);
        assertThat(fetched.contentType()).contains("application/rss+xml; charset=utf-8");
        assertThat(seenUserAgent.get()).isEqualTo(USER_AGENT);
        assertThat(seenAcceptEncoding.get()).isEqualTo("gzip");
    }

    @Test
    void decodesGzip() {
        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(base + "/gzip");
        assertThat(fetched.body()).isEqualTo(feed);
    }

    @Test
    void followsRedirects() {
        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(base + "/redirect");
        assertThat(fetched.uri().toString()).isEqualTo(base + "/feed");
        assertThat(fetched.body()).isEqualTo(feed);
    }

    @Test
    void stopsAfterTooManyRedirects() {
        assertThat(fetcher.fetch(base + "/loop")).isEqualTo(new FetchResult.Failed(FetchOutcome.HTTP_ERROR, 301,
                "more than 5 redirects, last one to /loop"));
    }

    @Test
    void refusesOtherSchemesInConfigurationAndRedirects() {
        assertThat(fetcher.fetch("file:///etc/passwd")).isEqualTo(new FetchResult.Failed(FetchOutcome.REFUSED, null,
                "only http and https feed URLs are fetched, not 'file': file:///etc/passwd"));
        assertThat(fetcher.fetch("ftp://feeds.example/rss").toString()).contains("not 'ftp'");
        assertThat(fetcher.fetch("feeds.example/rss")).isEqualTo(new FetchResult.Failed(FetchOutcome.REFUSED, null,
                "only http and https feed URLs are fetched, not a URL without scheme: feeds.example/rss"));
        assertThat(fetcher.fetch(base + "/to-file")).isEqualTo(new FetchResult.Failed(FetchOutcome.REFUSED, 302,
                "only http and https feed URLs are fetched, not 'file': file:///etc/passwd"));
    }

    @Test
    void reportsHttpErrorsWithTheStatus() {
        assertThat(fetcher.fetch(base + "/missing"))
                .isEqualTo(new FetchResult.Failed(FetchOutcome.HTTP_ERROR, 404, "the server answered HTTP 404"));
    }

    @Test
    void stopsReadingABodyLargerThanTheLimit() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/huge");
        assertThat(failed.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(failed.error()).isEqualTo(
                "the feed is larger than the limit of 65536 bytes (newsroom.ingest.max-body-size)");
    }

    @Test
    void stopsDecodingAGzipBombAtTheLimit() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/bomb");
        assertThat(failed).isEqualTo(new FetchResult.Failed(FetchOutcome.TOO_LARGE, 200,
                "decoded, the feed is larger than the limit of 65536 bytes (newsroom.ingest.max-body-size)"));
    }

    @Test
    void refusesUnsupportedContentEncodings() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/brotli");
        assertThat(failed.outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
        assertThat(failed.error()).contains("Content-Encoding 'br'");
    }

    @Test
    void givesUpWhenTheServerIsTooSlow() {
        assertThat(fetcher.fetch(base + "/slow"))
                .isEqualTo(new FetchResult.Failed(FetchOutcome.TIMEOUT, null, "no complete response within 800 ms"));
    }

    @Test
    void reportsAConnectionRefused() throws Exception {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unusedPort = socket.getLocalPort();
        }
        assertThat(fetcher.fetch("http://127.0.0.1:" + unusedPort + "/feed")).isEqualTo(new FetchResult.Failed(
                FetchOutcome.NETWORK_ERROR, null, "could not connect to 127.0.0.1:" + unusedPort
                        + " (connection refused)"));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String encoding) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        if (encoding != null) {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
