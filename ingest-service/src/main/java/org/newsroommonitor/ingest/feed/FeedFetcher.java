package org.newsroommonitor.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.feed.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.feed.GuardedDnsResolver.RefusedAddressException;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Downloads a feed over http/https the way a well-behaved, hard-to-abuse feed reader does:
 * <ul>
 * <li>the project's User-Agent, gzip accepted (decoded here, with the size limit applied to the decoded bytes
 *     as they stream, so a gzip bomb stays small), conditional GET with the feed's {@link Validators};</li>
 * <li>every URL checked by {@link FeedUrlPolicy} (http/https only, no https-to-http redirect), redirects followed
 *     here one hop at a time (at most {@link FetchLimits#maxRedirects()});</li>
 * <li>the SSRF guard on every hop: the host is resolved by {@link GuardedDnsResolver}, which refuses internal
 *     addresses, and the connection goes to exactly the addresses it checked (no second lookup to rebind);
 *     no proxy is used;</li>
 * <li>a connect timeout, and one deadline for the whole exchange ({@link FetchLimits#readTimeout()}): a watchdog
 *     aborts the connection when it passes, so a slow drip or an endless body cannot hold a thread;</li>
 * <li>at most {@link FetchLimits#maxPerHost()} fetches at a time against one host.</li>
 * </ul>
 * {@link #fetch(String, Validators)} never throws: every failure comes back as a {@link FetchResult.Failed} with the
 * reason in plain words, so one broken feed cannot stop the poll of the others.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final FetchLimits limits;
    private final ConcurrentHashMap<String, Semaphore> perHost = new ConcurrentHashMap<>();

    @Inject
    public FeedFetcher(IngestConfig config) {
        this(FetchLimits.of(config));
    }

    public FeedFetcher(FetchLimits limits) {
        this.limits = limits;
    }

    public FetchLimits limits() {
        return limits;
    }

    /** Fetches {@code feedUrl} without validators; never throws. */
    public FetchResult fetch(String feedUrl) {
        return fetch(feedUrl, Validators.NONE);
    }

    /** Fetches {@code feedUrl}, conditionally when {@code validators} has any; never throws. */
    public FetchResult fetch(String feedUrl, Validators validators) {
        URI uri;
        try {
            uri = FeedUrlPolicy.checkFeedUrl(feedUrl);
        } catch (RefusedUrlException e) {
            return new FetchResult.Failed(FetchOutcome.REFUSED, null, e.getMessage());
        }
        Semaphore slots = perHost.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT),
                host -> new Semaphore(Math.max(1, limits.maxPerHost()), true));
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, null, "the fetch was interrupted (shutting down?)");
        }
        try {
            return follow(feedUrl, uri, validators == null ? Validators.NONE : validators);
        } finally {
            slots.release();
        }
    }

    private FetchResult follow(String feedUrl, URI uri, Validators validators) {
        long deadline = System.nanoTime() + limits.readTimeout().toNanos();
        for (int redirects = 0; ; redirects++) {
            Hop hop;
            try {
                hop = exchange(uri, validators, deadline);
            } catch (FetchFailure failure) {
                return failure.result;
            }
            int status = hop.status;
            if (REDIRECTS.contains(status)) {
                String location = hop.headers.firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                            "the server answered HTTP " + status + " (redirect) without a Location header");
                }
                if (redirects >= limits.maxRedirects()) {
                    return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                            "more than " + limits.maxRedirects() + " redirects, last one to " + location);
                }
                URI next;
                try {
                    next = uri.resolve(location.strip().replace(" ", "%20"));
                    FeedUrlPolicy.checkRedirect(uri, next);
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                            "the server redirected to an invalid URL: " + location);
                } catch (RefusedUrlException e) {
                    return new FetchResult.Failed(FetchOutcome.REFUSED, status, e.getMessage());
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                return new FetchResult.NotModified(uri, hop.headers);
            }
            if (status < 200 || status > 299) {
                Duration retryAfter = status == 429 || status == 503
                        ? HttpCaching.retryAfter(hop.headers.firstValue("Retry-After").orElse(null), Instant.now())
                        : null;
                return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                        "the server answered HTTP " + status + reasonOf(status)
                                + (uri.toString().equals(feedUrl.strip()) ? "" : " for " + uri)
                                + (retryAfter == null ? "" : ", and asked to wait " + human(retryAfter)),
                        retryAfter);
            }
            if (hop.failure != null) {
                return new FetchResult.Failed(hop.failure.result.outcome(), status, hop.failure.result.error());
            }
            return new FetchResult.Fetched(uri, status, hop.headers, hop.body);
        }
    }

    /** One request/response, body read (2xx only) under the limits; the connection is closed afterwards. */
    private Hop exchange(URI uri, Validators validators, long deadline) throws FetchFailure {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within " + human(limits.readTimeout()));
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", limits.userAgent());
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            get.setHeader("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            get.setHeader("If-Modified-Since", validators.lastModified());
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            get.cancel();
        }, remaining, TimeUnit.NANOSECONDS);
        BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(
                        proxy -> new Socket(Proxy.NO_PROXY), // never a JVM-wide SOCKS proxy: connect where checked
                        DefaultSchemePortResolver.INSTANCE, new GuardedDnsResolver(limits.allowedHosts(), port),
                        RegistryBuilder.<TlsSocketStrategy>create()
                                .register("https", DefaultClientTlsStrategy.createSystemDefault()).build()),
                null);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(limits.connectTimeout()))
                .setSocketTimeout(Timeout.of(limits.readTimeout()))
                .build());
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(limits.readTimeout()))
                        .build())
                .build()) {
            ClassicHttpResponse response = client.executeOpen(null, get, null);
            try {
                int status = response.getCode();
                HttpHeaders headers = headersOf(response.getHeaders());
                if (status < 200 || status > 299 || response.getEntity() == null) {
                    return new Hop(status, headers, new byte[0], null);
                }
                try {
                    return new Hop(status, headers, readBody(response.getEntity(), headers), null);
                } catch (BodyTooLargeException e) {
                    return new Hop(status, headers, null, new FetchFailure(FetchOutcome.TOO_LARGE, e.getMessage()));
                } catch (UnsupportedEncoding e) {
                    return new Hop(status, headers, null, new FetchFailure(FetchOutcome.HTTP_ERROR, e.getMessage()));
                } catch (ZipException e) {
                    return new Hop(status, headers, null, new FetchFailure(FetchOutcome.NETWORK_ERROR,
                            "the gzip-compressed body could not be decoded: not valid gzip (" + e.getMessage() + ")"));
                } catch (IOException e) {
                    if (timedOut.get()) {
                        return new Hop(status, headers, null, new FetchFailure(FetchOutcome.TIMEOUT,
                                "no complete response within " + human(limits.readTimeout())));
                    }
                    throw e;
                }
            } finally {
                get.cancel(); // never drain what is left of a body to reuse the connection: drop it
                response.close();
            }
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within "
                        + human(limits.readTimeout()));
            }
            throw failureOf(e, uri, port);
        } finally {
            watchdog.cancel(false);
            connections.close(CloseMode.IMMEDIATE);
        }
    }

    private byte[] readBody(HttpEntity entity, HttpHeaders headers) throws IOException {
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        long limit = limits.maxBodySize();
        try (InputStream raw = new LimitedInputStream(entity.getContent(), limit, false)) {
            InputStream decoded = switch (encoding) {
                case "identity", "" -> raw;
                case "gzip", "x-gzip" -> new LimitedInputStream(new GZIPInputStream(raw), limit, true);
                default -> throw new UnsupportedEncoding(encoding);
            };
            return decoded.readAllBytes();
        }
    }

    private FetchFailure failureOf(IOException error, URI uri, int port) {
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException) {
                return new FetchFailure(FetchOutcome.REFUSED, "refused " + uri + ": " + cause.getMessage());
            }
            if (cause instanceof ConnectTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, "could not connect to " + hostPort
                        + " within the connect timeout of " + human(limits.connectTimeout()));
            }
            if (cause instanceof SocketTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within "
                        + human(limits.readTimeout()));
            }
            if (cause instanceof UnknownHostException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "unknown host " + uri.getHost());
            }
            if (cause instanceof ConnectException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "could not connect to " + hostPort
                        + " (connection refused)");
            }
            if (cause instanceof SSLException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "TLS failed with " + uri.getHost() + ": "
                        + cause.getMessage());
            }
        }
        String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": "
                + error.getMessage());
        return new FetchFailure(FetchOutcome.NETWORK_ERROR, "the download failed: " + message);
    }

    private static HttpHeaders headersOf(Header[] headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : headers) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied)";
            case 404 -> "";
            case 410 -> " (gone for good)";
            case 429 -> " (too many requests)";
            case 500, 502, 504 -> " (server error)";
            case 503 -> " (service unavailable)";
            default -> "";
        };
    }

    static String human(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds < 120 || seconds % 60 != 0 ? seconds + " s" : seconds / 60 + " min";
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "feed-fetch-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private record Hop(int status, HttpHeaders headers, byte[] body, FetchFailure failure) {
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

    private static final class FetchFailure extends Exception {
        private final FetchResult.Failed result;

        FetchFailure(FetchOutcome outcome, String error) {
            super(error, null, false, false);
            this.result = new FetchResult.Failed(outcome, null, error);
        }
    }

    private static final class UnsupportedEncoding extends IOException {
        UnsupportedEncoding(String encoding) {
            super("the server sent the body with Content-Encoding '" + encoding + "', which is not supported "
                    + "(only gzip was accepted)");
        }
    }
}
