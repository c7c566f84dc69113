package org.newsroommonitor.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.net.FeedUrlPolicy;
import org.newsroommonitor.ingest.net.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.net.GuardedDnsResolver;
import org.newsroommonitor.ingest.net.GuardedDnsResolver.RefusedAddressException;

import javax.net.ssl.SSLException;
import java.io.IOException;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipException;

/**
 * Downloads a feed over http/https the way a well-behaved, hard-to-abuse feed reader does:
 * <ul>
 * <li>the project's User-Agent, gzip accepted (decoded by {@link BodyReader}, with the size limit applied to the
 *     decoded bytes as they stream, so a gzip bomb stays small), conditional GET with the feed's
 *     {@link Validators};</li>
 * <li>every URL checked by {@link FeedUrlPolicy} (http/https only, no https-to-http redirect), redirects followed
 *     one hop at a time by {@link RedirectChain} (at most {@link FetchLimits#maxRedirects()});</li>
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

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.9, */*;q=0.5";
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final FetchLimits limits;
    private final BodyReader body;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createSystemDefault();
    private final ConcurrentHashMap<String, Semaphore> perHost = new ConcurrentHashMap<>();

    @Inject
    public FeedFetcher(IngestConfig config) {
        this(FetchLimits.of(config));
    }

    public FeedFetcher(FetchLimits limits) {
        this.limits = limits;
        this.body = new BodyReader(limits.maxBodySize());
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
            return new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, null,
                    "the fetch was interrupted (shutting down?)");
        }
        try {
            return follow(feedUrl, uri, validators == null ? Validators.NONE : validators);
        } finally {
            slots.release();
        }
    }

    /** Requests {@code uri} and the redirects it leads to, all within one read timeout. */
    private FetchResult follow(String feedUrl, URI uri, Validators validators) {
        long deadline = System.nanoTime() + limits.readTimeout().toNanos();
        RedirectChain redirects = new RedirectChain(uri, limits.maxRedirects());
        try {
            Hop hop = exchange(redirects.current(), validators, deadline);
            while (RedirectChain.isRedirect(hop.status())) {
                redirects.follow(hop.status(), hop.headers().firstValue("Location").orElse(null));
                hop = exchange(redirects.current(), validators, deadline);
            }
            return resultOf(feedUrl, redirects.current(), hop);
        } catch (FetchFailure failure) {
            return failure.result();
        }
    }

    private FetchResult resultOf(String feedUrl, URI uri, Hop hop) {
        int status = hop.status();
        if (status == 304) {
            return new FetchResult.NotModified(uri, hop.headers());
        }
        if (status < 200 || status > 299) {
            Duration retryAfter = status == 429 || status == 503
                    ? HttpCaching.retryAfter(hop.headers().firstValue("Retry-After").orElse(null), Instant.now())
                    : null;
            return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                    "the server answered HTTP " + status + reasonOf(status)
                            + (uri.toString().equals(feedUrl.strip()) ? "" : " for " + uri)
                            + (retryAfter == null ? "" : ", and asked to wait " + human(retryAfter)),
                    retryAfter);
        }
        return new FetchResult.Fetched(uri, status, hop.headers(), hop.body().bytes(), hop.body().undeclared());
    }

    /** One request/response, body read (2xx only) under the limits; the connection is closed afterwards. */
    private Hop exchange(URI uri, Validators validators, long deadline) throws FetchFailure {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(null);
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
                                .register("https", tls).build()),
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
                    return new Hop(status, headers, new BodyReader.Body(new byte[0], null));
                }
                return new Hop(status, headers, readBody(response.getEntity(), headers, status, timedOut));
            } finally {
                get.cancel(); // never drain what is left of a body to reuse the connection: drop it
                response.close();
            }
        } catch (IOException e) {
            if (timedOut.get()) {
                throw timedOut(null);
            }
            throw failureOf(e, uri, port);
        } catch (IllegalStateException e) {
            if (timedOut.get()) { // the watchdog cancelled the request before it was sent
                throw timedOut(null);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            connections.close(CloseMode.IMMEDIATE);
        }
    }

    private BodyReader.Body readBody(HttpEntity entity, HttpHeaders headers, int status, AtomicBoolean timedOut)
            throws IOException, FetchFailure {
        try {
            return body.read(entity, headers.firstValue("Content-Encoding").orElse(null));
        } catch (BodyReader.BodyTooLargeException e) {
            throw new FetchFailure(FetchOutcome.TOO_LARGE, status, e.getMessage());
        } catch (BodyReader.UnsupportedEncodingException e) {
            throw new FetchFailure(FetchOutcome.HTTP_ERROR, status, e.getMessage());
        } catch (ZipException e) {
            throw new FetchFailure(FetchOutcome.NETWORK_ERROR, status,
                    "the gzip-compressed body could not be decoded: not valid gzip (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (timedOut.get()) {
                throw timedOut(status);
            }
            throw e;
        }
    }

    private FetchFailure timedOut(Integer status) {
        return new FetchFailure(FetchOutcome.TIMEOUT, status, "no complete response within "
                + human(limits.readTimeout()));
    }

    private FetchFailure failureOf(IOException error, URI uri, int port) {
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException) {
                return new FetchFailure(FetchOutcome.REFUSED, null, "refused " + uri + ": " + cause.getMessage());
            }
            if (cause instanceof ConnectTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, null, "could not connect to " + hostPort
                        + " within the connect timeout of " + human(limits.connectTimeout()));
            }
            if (cause instanceof SocketTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, null, "no complete response within "
                        + human(limits.readTimeout()));
            }
            if (cause instanceof UnknownHostException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, null, "unknown host " + uri.getHost());
            }
            if (cause instanceof ConnectException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, null, "could not connect to " + hostPort
                        + " (connection refused)");
            }
            if (cause instanceof SSLException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, null, "TLS failed with " + uri.getHost() + ": "
                        + cause.getMessage());
            }
        }
        String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": "
                + error.getMessage());
        return new FetchFailure(FetchOutcome.NETWORK_ERROR, null, "the download failed: " + message);
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

    private record Hop(int status, HttpHeaders headers, BodyReader.Body body) {
    }
}
