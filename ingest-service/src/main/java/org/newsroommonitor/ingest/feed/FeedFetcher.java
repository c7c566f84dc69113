package org.newsroommonitor.ingest.feed;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.ingest.feed.FeedUrlPolicy.RefusedUrlException;
import org.newsroommonitor.ingest.feed.LimitedBodySubscriber.BodyTooLargeException;

import javax.net.ssl.SSLException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Downloads a feed over http/https with the JDK {@link HttpClient}: connect and read timeouts, the project's
 * User-Agent, gzip accepted and decoded, redirects followed (at most {@value #MAX_REDIRECTS}, each target checked by
 * {@link FeedUrlPolicy}, never from https down to http, as the JDK's {@code Redirect.NORMAL} does), and the body
 * size limited while it streams in, compressed and decoded.
 * <p>
 * {@link #fetch(String)} never throws: every failure comes back as a {@link FetchResult.Failed} with the reason in
 * plain words, so one broken feed cannot stop the poll of the others.
 */
@ApplicationScoped
public class FeedFetcher {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final HttpClient client;
    private final Duration readTimeout;
    private final long maxBodySize;
    private final String userAgent;

    @Inject
    public FeedFetcher(IngestConfig config) {
        this(config.connectTimeout(), config.readTimeout(), config.maxBodySize().asLongValue(), config.userAgent());
    }

    public FeedFetcher(Duration connectTimeout, Duration readTimeout, long maxBodySize, String userAgent) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, so that every hop is checked
                .build();
        this.readTimeout = readTimeout;
        this.maxBodySize = maxBodySize;
        this.userAgent = userAgent;
    }

    /** Fetches {@code feedUrl}; never throws. */
    public FetchResult fetch(String feedUrl) {
        URI uri;
        try {
            uri = FeedUrlPolicy.checkFeedUrl(feedUrl);
        } catch (RefusedUrlException e) {
            return new FetchResult.Failed(FetchOutcome.REFUSED, null, e.getMessage());
        }
        long deadline = System.nanoTime() + readTimeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response;
            try {
                response = send(uri, deadline);
            } catch (FetchFailure failure) {
                return failure.result;
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                            "the server answered HTTP " + status + " (redirect) without a Location header");
                }
                if (redirects >= MAX_REDIRECTS) {
                    return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                            "more than " + MAX_REDIRECTS + " redirects, last one to " + location);
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
            if (status < 200 || status > 299) {
                return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status,
                        "the server answered HTTP " + status + (uri.toString().equals(feedUrl.strip()) ? ""
                                : " for " + uri));
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
                    .strip().toLowerCase(Locale.ROOT);
            byte[] body;
            try {
                body = switch (encoding) {
                    case "identity", "" -> response.body();
                    case "gzip", "x-gzip" -> gunzip(response.body(), maxBodySize);
                    default -> throw new UnsupportedEncoding(encoding);
                };
            } catch (BodyTooLargeException e) {
                return new FetchResult.Failed(FetchOutcome.TOO_LARGE, status, "decoded, " + e.getMessage());
            } catch (UnsupportedEncoding e) {
                return new FetchResult.Failed(FetchOutcome.HTTP_ERROR, status, e.getMessage());
            } catch (IOException e) {
                return new FetchResult.Failed(FetchOutcome.NETWORK_ERROR, status,
                        "the gzip-compressed body could not be decoded: " + e.getMessage());
            }
            return new FetchResult.Fetched(uri, status, response.headers(), body);
        }
    }

    private HttpResponse<byte[]> send(URI uri, long deadline) throws FetchFailure {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within " + human(readTimeout));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info ->
                REDIRECTS.contains(info.statusCode())
                        ? BodySubscribers.replacing(new byte[0])
                        : new LimitedBodySubscriber(maxBodySize));
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within " + human(readTimeout));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchOutcome.NETWORK_ERROR, "the fetch was interrupted (shutting down?)");
        } catch (ExecutionException e) {
            throw failureOf(e.getCause(), uri);
        }
    }

    private FetchFailure failureOf(Throwable error, URI uri) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return new FetchFailure(FetchOutcome.TOO_LARGE, cause.getMessage());
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, "could not connect to " + uri.getHost() + " within the "
                        + "connect timeout");
            }
            if (cause instanceof HttpTimeoutException) {
                return new FetchFailure(FetchOutcome.TIMEOUT, "no complete response within " + human(readTimeout));
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "unknown host " + uri.getHost());
            }
            if (cause instanceof ConnectException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "could not connect to " + uri.getHost()
                        + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + " (connection refused)");
            }
            if (cause instanceof SSLException) {
                return new FetchFailure(FetchOutcome.NETWORK_ERROR, "TLS failed with " + uri.getHost() + ": "
                        + cause.getMessage());
            }
        }
        String message = error == null ? "unknown error" : error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return new FetchFailure(FetchOutcome.NETWORK_ERROR, "the download failed: " + message);
    }

    /** Decodes gzip, stopping as soon as the decoded body exceeds {@code limit} (a small "gzip bomb" stays small). */
    static byte[] gunzip(byte[] compressed, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int read; (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > limit) {
                    throw new BodyTooLargeException(limit);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new IOException("not valid gzip (" + e.getMessage() + ")", e);
        }
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static final class FetchFailure extends Exception {
        private final FetchResult.Failed result;

        FetchFailure(FetchOutcome outcome, String error) {
            super(error, null, false, false);
            this.result = new FetchResult.Failed(outcome, null, error);
        }
    }

    private static final class UnsupportedEncoding extends Exception {
        UnsupportedEncoding(String encoding) {
            super("the server sent the body with Content-Encoding '" + encoding + "', which is not supported "
                    + "(only gzip was accepted)");
        }
    }
}
