package org.newsroommonitor.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.net.AllowedHosts;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
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

    private static FeedFetcher fetcher;
    /** A second local server that no test may reach: stands for Kafka, Elasticsearch, the other services. */
    private static HttpServer forbidden;
    private static final AtomicInteger forbiddenHits = new AtomicInteger();
    private static final AtomicReference<String> seenIfNoneMatch = new AtomicReference<>();
    private static final AtomicReference<String> seenIfModifiedSince = new AtomicReference<>();

    @BeforeAll
    static void startServer() throws Exception {
        feed = Fixtures.feed("caucasus-wire.rss");
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
        // compressed once, here: compressing 10 MB per request can take longer than the 800 ms read timeout on a
        // loaded machine, and the test would see a timeout instead of the size limit
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        server.createContext("/bomb", exchange -> respond(exchange, 200, bomb, "gzip"));
        server.createContext("/gzip-undeclared", exchange -> respond(exchange, 200, gzip(feed), null));
        server.createContext("/gzip-twice", exchange -> respond(exchange, 200, gzip(gzip(feed)), "gzip"));
        server.createContext("/zlib-undeclared", exchange -> respond(exchange, 200, zlib(feed), null));
        server.createContext("/bomb-undeclared", exchange ->
                respond(exchange, 200, bomb, null));
        server.createContext("/gzip-magic-only", exchange ->
                respond(exchange, 200, new byte[] {0x1f, (byte) 0x8b, 'n', 'o', 't'}, null));
        server.createContext("/brotli", exchange -> respond(exchange, 200, feed, "br"));
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, feed, null);
        });
        server.createContext("/drip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) { // one byte every 100 ms for a minute, unless the client hangs up
                    out.write('<');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientHungUp) {
                // expected: the fetcher's deadline cuts the drip
            }
        });
        server.createContext("/to-loopback", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + forbidden.getAddress().getPort()
                    + "/admin");
            respond(exchange, 302, new byte[0], null);
        });
        server.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            respond(exchange, 301, new byte[0], null);
        });
        server.createContext("/to-mapped", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://[::ffff:7f00:1]:" + forbidden.getAddress().getPort()
                    + "/");
            respond(exchange, 307, new byte[0], null);
        });
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            respond(exchange, 429, "slow down".getBytes(), null);
        });
        server.createContext("/conditional", exchange -> {
            seenIfNoneMatch.set(exchange.getRequestHeaders().getFirst("If-None-Match"));
            seenIfModifiedSince.set(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 12 Sep 2023 14:05:00 GMT");
            if ("\"v1\"".equals(seenIfNoneMatch.get())) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                respond(exchange, 200, feed, null);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        forbidden = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        forbidden.createContext("/", exchange -> {
            forbiddenHits.incrementAndGet();
            respond(exchange, 200, feed, null);
        });
        forbidden.start();
        fetcher = new FeedFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(800), LIMIT, 5, 2,
                USER_AGENT, AllowedHosts.of(List.of("127.0.0.1:" + server.getAddress().getPort()))));
    }

    @AfterAll
    static void stopServer() {
        release.countDown();
        server.stop(0);
        forbidden.stop(0);
        executor.shutdownNow();
        assertThat(forbiddenHits).as("requests that reached the forbidden server").hasValue(0);
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
    void decodesGzipAndZlibSentWithoutContentEncoding() {
        FetchResult.Fetched gzip = (FetchResult.Fetched) fetcher.fetch(base + "/gzip-undeclared");
        assertThat(gzip.body()).isEqualTo(feed);
        assertThat(gzip.undeclaredCompression()).isEqualTo("gzip");
        FetchResult.Fetched twice = (FetchResult.Fetched) fetcher.fetch(base + "/gzip-twice");
        assertThat(twice.body()).isEqualTo(feed);
        assertThat(twice.undeclaredCompression()).isEqualTo("gzip");
        FetchResult.Fetched zlib = (FetchResult.Fetched) fetcher.fetch(base + "/zlib-undeclared");
        assertThat(zlib.body()).isEqualTo(feed);
        assertThat(zlib.undeclaredCompression()).isEqualTo("zlib");
        FetchResult.Fetched plain = (FetchResult.Fetched) fetcher.fetch(base + "/feed");
        assertThat(plain.undeclaredCompression()).isNull();
    }

    @Test
    void stopsDecodingAGzipBombSentWithoutContentEncodingAtTheLimit() {
        assertThat(fetcher.fetch(base + "/bomb-undeclared")).isEqualTo(new FetchResult.Failed(FetchOutcome.TOO_LARGE,
                200, "the body is gzip-compressed data sent without a Content-Encoding, and decoded it is larger "
                        + "than the limit of 65536 bytes (newsroom.ingest.max-body-size)"));
    }

    @Test
    void keepsABodyThatOnlyStartsLikeGzip() {
        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(base + "/gzip-magic-only");
        assertThat(fetched.body()).containsExactly(0x1f, 0x8b, 'n', 'o', 't');
        assertThat(fetched.undeclaredCompression()).isNull();
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
        FeedFetcher allowingThePort = new FeedFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(800),
                LIMIT, 5, 2, USER_AGENT, AllowedHosts.of(List.of("127.0.0.1:" + unusedPort))));
        assertThat(allowingThePort.fetch("http://127.0.0.1:" + unusedPort + "/feed")).isEqualTo(
                new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, null, "could not connect to 127.0.0.1:" + unusedPort
                        + " (connection refused)"));
    }

    @Test
    void cutsASlowDripAtTheDeadline() {
        long started = System.nanoTime();
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/drip");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(failed.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(failed.error()).isEqualTo("no complete response within 800 ms");
        assertThat(tookMillis).isBetween(700L, 2500L);
    }

    @Test
    void refusesARedirectToAnotherPortOfTheAllowedAddress() {
        int port = forbidden.getAddress().getPort();
        assertThat(fetcher.fetch(base + "/to-loopback")).isEqualTo(new FetchResult.Failed(FetchOutcome.REFUSED, null,
                "refused http://127.0.0.1:" + port + "/admin: 127.0.0.1 is a loopback address, which feeds may not be "
                        + "fetched from (to allow it, add 127.0.0.1:" + port + " to newsroom.ingest.allowed-hosts)"));
        assertThat(forbiddenHits).hasValue(0);
    }

    @Test
    void refusesARedirectToTheCloudMetadataAddress() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/to-metadata");
        assertThat(failed.outcome()).isEqualTo(FetchOutcome.REFUSED);
        assertThat(failed.status()).as("no response from the refused hop").isNull();
        assertThat(failed.error()).startsWith("refused http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a "
                + "link-local address (cloud metadata services live there)");
    }

    @Test
    void refusesARedirectToAnIpv4MappedLoopbackAddress() {
        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(base + "/to-mapped");
        assertThat(failed.outcome()).isEqualTo(FetchOutcome.REFUSED);
        assertThat(failed.error()).contains("127.0.0.1 is a loopback address");
        assertThat(forbiddenHits).hasValue(0);
    }

    @Test
    void refusesInternalAddressesThatAreNotAllowListed() {
        int port = forbidden.getAddress().getPort();
        assertThat(fetcher.fetch("http://127.0.0.1:" + port + "/feed").toString()).contains("REFUSED")
                .contains("127.0.0.1 is a loopback address");
        assertThat(((FetchResult.Failed) fetcher.fetch("http://10.1.2.3/feed")).error())
                .contains("10.1.2.3 is a private network address");
        assertThat(((FetchResult.Failed) fetcher.fetch("http://100.64.0.1/feed")).error())
                .contains("carrier-grade NAT");
        assertThat(((FetchResult.Failed) fetcher.fetch("http://[::1]:" + server.getAddress().getPort() + "/feed"))
                .error()).contains("0:0:0:0:0:0:0:1 is a loopback address");
        assertThat(((FetchResult.Failed) fetcher.fetch("http://[fd00::1]/feed")).error())
                .contains("unique-local");
        assertThat(((FetchResult.Failed) fetcher.fetch("http://0.0.0.0:" + port + "/feed")).error())
                .contains("unspecified");
        assertThat(forbiddenHits).hasValue(0);
    }

    @Test
    void aTooManyRequestsAnswerCarriesItsRetryAfter() {
        assertThat(fetcher.fetch(base + "/busy")).isEqualTo(new FetchResult.Failed(FetchOutcome.HTTP_ERROR, 429,
                "the server answered HTTP 429 (too many requests), and asked to wait 2 min", Duration.ofSeconds(120)));
    }

    @Test
    void sendsTheValidatorsAndReportsNotModified() {
        FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(base + "/conditional");
        assertThat(seenIfNoneMatch.get()).isNull();
        assertThat(first.headers().firstValue("ETag")).contains("\"v1\"");

        FetchResult second = fetcher.fetch(base + "/conditional",
                new Validators("\"v1\"", "Tue, 12 Sep 2023 14:05:00 GMT"));
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(seenIfNoneMatch.get()).isEqualTo("\"v1\"");
        assertThat(seenIfModifiedSince.get()).isEqualTo("Tue, 12 Sep 2023 14:05:00 GMT");

        assertThat(fetcher.fetch(base + "/conditional", new Validators("\"v0\"", null)))
                .isInstanceOf(FetchResult.Fetched.class);
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

    private static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
