package org.newsroommonitor.ingest.corpus;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.article.EntryMapper;
import org.newsroommonitor.ingest.net.AllowedHosts;
import org.newsroommonitor.ingest.fetch.FeedFetcher;
import org.newsroommonitor.ingest.parse.FeedParseException;
import org.newsroommonitor.ingest.parse.FeedParser;
import org.newsroommonitor.ingest.parse.ParsedFeed;
import org.newsroommonitor.ingest.fetch.FetchLimits;
import org.newsroommonitor.ingest.fetch.FetchResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every file of the shared feed corpora ({@code ../shared/corpora}: feedparser, feedvalidator and Rome test
 * suites, about 4,000 files with broken XML, odd charsets, entity tricks and XXE attempts) is served over HTTP by an
 * in-process server to the real fetcher, parser and entry mapper, with the {@code Header:} lines of the
 * {@code http_*} files as response headers. Each must end in articles or a clear error, within a per-feed timeout,
 * without an exception escaping, and without any request to a URL the file names: every URL connection the JVM
 * tries to open (how XML parsers fetch DTDs and external entities) goes through a recording proxy selector to a
 * tripwire socket, and both must stay untouched.
 * <p>
 * Each file is also read by plain Rome 2.1.0 with no help ({@link #plainRomeArticles}): the files it gives
 * articles for are the floor, and the files ingest gives articles for on top of it are counted by how ingest read
 * them (JSON Feed, undeclared compression, each repair kind of {@code Repair.Kind}). No file of the floor may be
 * lost. The counts are printed and written to
 * {@code target/INGEST-CORPUS.md} in the layout of {@code docs/INGEST-CORPUS.md}, lines of at most 120 (see
 * {@link #wrapped}): the copy is that file plus its hand-written section "Reading these numbers". The whole corpus
 * takes 15 to 35 s (the wall time is in the report; the test fails beyond 120 s).
 * <p>
 * The corpora are not part of the project: their location is {@code -Dnewsroom.corpora.dir}, by default
 * {@code ../shared/corpora} beside the repository (its {@code news-text} folder, text for the topic classifier,
 * is left out); where they are absent the test is skipped and says so.
 */
class CorpusRobustnessTest {

    private static final Duration PER_FEED_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^Header:\\s*([A-Za-z0-9-]+):\\s*(.*?)\\s*$");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** How to run this test, as the report says. */
    static final String RUN = "./newsroom test -pl ingest-service -am -Dtest=CorpusRobustnessTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false";
    /** Longest line of the report, as of every Markdown file of the project. */
    static final int MAX_LINE = 120;
    /** Folders of the corpora that hold no feeds (text for the topic classifier), left out. */
    private static final List<String> NOT_FEEDS = List.of("news-text");

    @Test
    void everyCorpusFeedEndsInArticlesOrAClearError() throws Exception {
        Path corpora = corporaDir();
        assumeTrue(Files.isDirectory(corpora), "SKIPPED: the feed corpora are not at " + corpora
                + " (set -Dnewsroom.corpora.dir=<path to shared/corpora> to run the corpus robustness test)");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpora)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !NOT_FEEDS.contains(corpora.relativize(file).getName(0).toString()))
                    .filter(file -> !file.getFileName().toString().matches("(?i)(README|LICENSE|COPYING).*"))
                    .sorted().toList();
        }
        assertThat(files).as("corpus files under %s", corpora).hasSizeGreaterThan(100);

        List<URI> tripped = new CopyOnWriteArrayList<>();
        AtomicInteger tripwireConnections = new AtomicInteger();
        ServerSocket tripwire = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread tripwireThread = Thread.ofPlatform().daemon().start(() -> {
            while (!tripwire.isClosed()) {
                try (Socket ignored = tripwire.accept()) {
                    tripwireConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                tripped.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, tripwire.getLocalSocketAddress()));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException error) {
            }
        });

        // the tripwire itself works: a URL opened the way XML parsers open DTDs and entities is caught
        try {
            new java.net.URL("http://tripwire-self-check.invalid/x.dtd").openStream().close();
        } catch (IOException expected) {
            // the tripwire hangs up
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tripwireConnections.get()).isPositive());
        assertThat(tripped).extracting(URI::toString).containsOnly("http://tripwire-self-check.invalid/x.dtd");
        tripped.clear();
        tripwireConnections.set(0);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/corpus/", exchange -> {
            int index = Integer.parseInt(exchange.getRequestURI().getPath().substring("/corpus/".length()));
            Path file = files.get(index);
            byte[] body = Files.readAllBytes(file);
            responseHeaders(file, body).forEach(header -> exchange.getResponseHeaders().add(header[0], header[1]));
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/corpus/";
        int threads = 8;
        FeedFetcher fetcher = new FeedFetcher(new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
                10L * 1024 * 1024, 5, threads, "NewsroomMonitor-corpus-test",
                AllowedHosts.of(List.of("127.0.0.1:" + server.getAddress().getPort()))));
        FeedParser parser = new FeedParser();
        EntryMapper mapper = new EntryMapper();

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> ingest(base + index, files.get(index), fetcher, parser, mapper)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = corpora.relativize(files.get(i)).toString();
            try {
                Outcome outcome = futures.get(i).get(PER_FEED_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                outcomes.add(outcome.named(name));
            } catch (TimeoutException e) {
                hangs.add(name);
                futures.get(i).cancel(true);
            } catch (java.util.concurrent.ExecutionException e) {
                crashes.add(name + ": " + e.getCause());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdownNow();
        server.stop(0);
        serverThreads.shutdownNow();
        ProxySelector.setDefault(previous);
        tripwire.close();
        tripwireThread.join(1000);

        String report = report(corpora, outcomes, hangs, crashes, tripped, tripwireConnections.get(), took);
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("INGEST-CORPUS.md"), report);
        }

        assertThat(hangs).as("feeds that did not finish within %s", PER_FEED_TIMEOUT).isEmpty();
        assertThat(crashes).as("feeds whose ingestion threw").isEmpty();
        assertThat(tripped).as("URLs the JVM tried to open while parsing (DTDs, external entities)").isEmpty();
        assertThat(tripwireConnections).as("connections to the tripwire").hasValue(0);
        assertThat(outcomes).hasSize(files.size());
        assertThat(outcomes).allSatisfy(outcome -> {
            if (outcome.error() != null) {
                assertThat(outcome.error()).as(outcome.file()).isNotBlank().hasSizeGreaterThan(10);
            }
        });
        assertThat(outcomes).as("no article leaks a local file (XXE)").noneMatch(Outcome::leaked);
        long withArticles = outcomes.stream().filter(outcome -> outcome.articles() > 0).count();
        assertThat(withArticles).as("feeds that gave articles (a regression guard)").isGreaterThan(950);
        assertThat(outcomes).as("files plain Rome gives articles for and ingest does not").noneMatch(Outcome::loss);
        assertThat(outcomes.stream().filter(Outcome::floor).count()).as("the floor: plain Rome's files")
                .isGreaterThan(950);
        assertThat(took).as("whole corpus").isLessThan(Duration.ofSeconds(120));
    }

    /** The report keeps the layout of docs/INGEST-CORPUS.md: lines of at most 120, reasons as a list. */
    @Test
    void reportLinesAreWrappedAsInTheDocs() {
        String item = "- 6: " + code("parse_error: the feed is not well-formed XML: Error on line N: The prefix \"…\" "
                + "for element \"…\" is not bound.") + "; e.g. " + code("feedparser/illformed/undeclared_namespace.xml");
        // as in the docs: 119 bytes (115 characters), the next word would make 124 bytes
        assertThat(wrapped(item, "  ")).isEqualTo("- 6: `parse_error: the feed is not well-formed XML: Error on line N: "
                + "The prefix \"…\" for element \"…\" is not bound.`;\n"
                + "  e.g. `feedparser/illformed/undeclared_namespace.xml`\n");
        String longWord = "x".repeat(MAX_LINE + 5);
        assertThat(wrapped("- 1: " + longWord + " end", "  ")).isEqualTo("- 1:\n  " + longWord + "\n  end\n");
        assertThat(code("a <rss> `b`")).isEqualTo("`` a <rss> `b` ``");
    }

    /** The file as ingest reads it from the test server, beside what plain Rome makes of the same response. */
    private static Outcome ingest(String url, Path file, FeedFetcher fetcher, FeedParser parser, EntryMapper mapper)
            throws IOException {
        int plain = plainRomeArticles(file, url, mapper);
        FetchResult result = fetcher.fetch(url);
        if (result instanceof FetchResult.Failed failed) {
            return Outcome.error(failed.outcome().tag(), failed.error(), plain);
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return Outcome.error("unexpected", String.valueOf(result), plain);
        }
        ParsedFeed parsed;
        try {
            parsed = parser.read(fetched.body(), fetched.contentType().orElse(null), fetched.uri());
        } catch (FeedParseException e) {
            return Outcome.error("parse_error", e.getMessage(), plain);
        }
        SyndFeed feed = parsed.feed();
        EntryMapper.Mapped mapped = mapper.mapAll(feed, url, NOW);
        int articles = mapped.articles().size();
        int unusable = mapped.unusable();
        int byContent = (int) mapped.articles().stream()
                .filter(article -> article.url() == null && article.guid() == null).count();
        boolean leaked = mapped.articles().stream()
                .anyMatch(message -> (message.title() + message.summary() + message.text()).contains("root:x:0:0"));
        List<String> how = new ArrayList<>();
        if ("json-feed".equals(feed.getFeedType())) {
            how.add("JSON Feed");
        }
        if (fetched.undeclaredCompression() != null) {
            how.add("compression without Content-Encoding");
        }
        parsed.repairs().stream().map(repair -> repair.kind().label()).distinct().forEach(how::add);
        return new Outcome(null, feed.getEntries().size(), articles, unusable, byContent, mapped.merged(), null, null,
                leaked, plain, how.isEmpty() ? AS_SERVED : String.join(" + ", how));
    }

    /**
     * The articles the entry mapper makes of the file as plain Rome 2.1.0 reads it with no help: the response body
     * as served (the corpora hold no {@code Content-Encoding} header), through Rome's own
     * {@code XmlReader(InputStream, contentType, lenient)} with the response's {@code Content-Type}, and
     * {@code SyndFeedInput} with its defaults (DOCTYPEs refused, Rome's XML healer on). The wire feed is kept only
     * so that the mapper sees the real guids, as it does in ingest. 0 when Rome throws.
     */
    static int plainRomeArticles(Path file, String url, EntryMapper mapper) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String contentType = responseHeaders(file, body).stream().filter(h -> h[0].equalsIgnoreCase("Content-Type"))
                .map(h -> h[1]).findFirst().orElseThrow();
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(body), contentType, true));
            return mapper.mapAll(feed, url, NOW).articles().size();
        } catch (FeedException | IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The response headers the test server sends with a file: the {@code Header:} lines of an {@code http_*} file,
     * and {@code Content-Type: application/xml} when they name none.
     */
    static List<String[]> responseHeaders(Path file, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        if (file.getFileName().toString().startsWith("http_")) {
            Matcher header = HEADER_LINE.matcher(new String(body, 0, Math.min(body.length, 4096),
                    StandardCharsets.ISO_8859_1));
            while (header.find()) {
                headers.add(new String[] {header.group(1), header.group(2)});
            }
        }
        if (headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/xml"});
        }
        return headers;
    }

    /** How a feed was read when it needed neither a repair nor a format Rome lacks. */
    static final String AS_SERVED = "read as served";

    /**
     * One file's result.
     *
     * @param plainArticles the articles plain Rome gives for it (the floor)
     * @param how           for a file ingest read: {@link #AS_SERVED}, else the formats and repairs it needed,
     *                      joined by " + "
     */
    record Outcome(String file, int entries, int articles, int unusable, int byContent, int merged, String kind,
            String error, boolean leaked, int plainArticles, String how) {
        static Outcome error(String kind, String error, int plainArticles) {
            return new Outcome(null, 0, 0, 0, 0, 0, kind, error, false, plainArticles, null);
        }

        Outcome named(String name) {
            return new Outcome(name, entries, articles, unusable, byContent, merged, kind, error, leaked, plainArticles,
                    how);
        }

        /** Plain Rome gives articles for it: the floor. */
        boolean floor() {
            return plainArticles > 0;
        }

        /** Ingest gives articles where plain Rome gives none. */
        boolean gain() {
            return articles > 0 && !floor();
        }

        /** Plain Rome gives articles where ingest gives none. */
        boolean loss() {
            return floor() && articles == 0;
        }
    }

    private static String report(Path corpora, List<Outcome> outcomes, List<String> hangs, List<String> crashes,
            List<URI> tripped, int tripwireConnections, Duration took) {
        long withArticles = outcomes.stream().filter(o -> o.error() == null && o.articles() > 0).count();
        long noEntries = outcomes.stream().filter(o -> o.error() == null && o.entries() == 0).count();
        long noneUsable = outcomes.stream().filter(o -> o.error() == null && o.entries() > 0 && o.articles() == 0)
                .count();
        long articles = outcomes.stream().mapToLong(Outcome::articles).sum();
        long unusable = outcomes.stream().mapToLong(Outcome::unusable).sum();
        long byContent = outcomes.stream().mapToLong(Outcome::byContent).sum();
        long merged = outcomes.stream().mapToLong(Outcome::merged).sum();
        List<Outcome> errors = outcomes.stream().filter(o -> o.error() != null).toList();
        Map<String, Integer> byFolder = new TreeMap<>();
        Map<String, Integer> parsedByFolder = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            String folder = outcome.file().contains("/") ? outcome.file().substring(0, outcome.file().indexOf('/'))
                    : outcome.file();
            byFolder.merge(folder, 1, Integer::sum);
            if (outcome.error() == null) {
                parsedByFolder.merge(folder, 1, Integer::sum);
            }
        }
        Map<String, Integer> reasons = new ConcurrentHashMap<>();
        Map<String, String> example = new ConcurrentHashMap<>();
        for (Outcome error : errors) {
            String reason = error.kind() + ": " + reasonOf(error.error());
            reasons.merge(reason, 1, Integer::sum);
            example.putIfAbsent(reason, error.file());
        }
        StringBuilder out = new StringBuilder();
        out.append("# Ingest corpus robustness\n\n")
                .append(wrapped("Written by `CorpusRobustnessTest` (ingest-service): every file of `"
                        + "../shared/corpora` (" + (outcomes.size() + hangs.size() + crashes.size())
                        + " files, README/LICENSE files left out) served over HTTP by an in-process server to the real "
                        + "fetcher, parser and entry mapper, the `Header:` lines of `http_*` files sent as response "
                        + "headers. Run it from the repository's root with", ""))
                .append("\n```sh\n").append(RUN).append("\n```\n")
                .append("\n| result | feeds |\n| --- | --- |\n")
                .append("| parsed, with articles | ").append(withArticles).append(" |\n")
                .append("| parsed, the feed has no entries (channel-level test files) | ").append(noEntries)
                .append(" |\n")
                .append("| parsed, entries but none usable (unreadable, or nothing to identify them by) | ")
                .append(noneUsable).append(" |\n")
                .append("| rejected with a per-feed error | ").append(errors.size()).append(" |\n")
                .append("| hung (no result within ").append(PER_FEED_TIMEOUT.toSeconds()).append(" s) | ")
                .append(hangs.size()).append(" |\n")
                .append("| crashed (an exception escaped) | ").append(crashes.size()).append(" |\n")
                .append("| URLs named in a file that the JVM tried to open (tripwire) | ").append(tripped.size())
                .append(" (connections: ").append(tripwireConnections).append(") |\n\n")
                .append(wrapped("Articles mapped: " + articles + ", of them " + byContent + " from entries with "
                        + "neither link nor guid, identified by their feed, title (or text) and date; entries "
                        + "merged into an earlier entry of their feed with the same id: " + merged + "; entries "
                        + "skipped (unreadable, or no link, guid, title or text): " + unusable + ". Wall time: "
                        + took.toMillis() / 1000.0 + " s.", "")).append("\n\n");
        overPlainRome(outcomes, out);
        out.append("## By corpus\n\n| corpus | files | parsed |\n| --- | --- | --- |\n");
        byFolder.forEach((folder, count) -> out.append("| ").append(folder).append(" | ").append(count).append(" | ")
                .append(parsedByFolder.getOrDefault(folder, 0)).append(" |\n"));
        // a list, not a table: a reason and its example do not fit in a table row of 120 characters
        out.append("\n## Rejected, by reason\n\nFeeds, the error as reported, and an example file:\n\n");
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> out.append(wrapped("- " + entry.getValue() + ": " + code(entry.getKey())
                        + "; e.g. " + code(example.get(entry.getKey())), "  ")));
        if (!hangs.isEmpty() || !crashes.isEmpty() || !tripped.isEmpty()) {
            out.append("\n## Failures\n\n");
            hangs.forEach(hang -> out.append(wrapped("- hung: " + hang, "  ")));
            crashes.forEach(crash -> out.append(wrapped("- crashed: " + crash, "  ")));
            tripped.stream().sorted(Comparator.comparing(URI::toString)).distinct().limit(50)
                    .forEach(uri -> out.append(wrapped("- tried to open: " + uri, "  ")));
        }
        return out.toString();
    }

    /**
     * The section "Over plain Rome": the floor (files plain Rome gives articles for), ingest's count, the files
     * gained over the floor by how ingest read them, each file named, and the files lost (which the test forbids).
     */
    private static void overPlainRome(List<Outcome> outcomes, StringBuilder out) {
        long floor = outcomes.stream().filter(Outcome::floor).count();
        long ingest = outcomes.stream().filter(o -> o.articles() > 0).count();
        List<Outcome> gains = outcomes.stream().filter(Outcome::gain).toList();
        List<Outcome> losses = outcomes.stream().filter(Outcome::loss).toList();
        out.append("## Over plain Rome\n\n")
                .append(wrapped("Each file is also read by plain Rome 2.1.0 with no help: the response body through "
                        + "Rome's `XmlReader` with the response's `Content-Type`, and `SyndFeedInput` with its "
                        + "defaults (DOCTYPEs refused, Rome's XML healer on); the same entry mapper counts the "
                        + "articles. Counted file by file:", ""))
                .append("\n| | files |\n| --- | --- |\n")
                .append("| plain Rome gives articles (the floor) | ").append(floor).append(" |\n")
                .append("| ingest gives articles | ").append(ingest).append(" |\n")
                .append("| gained: ingest gives articles, plain Rome none | ").append(gains.size()).append(" |\n")
                .append("| lost: plain Rome gives articles, ingest none (must be 0) | ").append(losses.size())
                .append(" |\n\n");
        Map<String, List<String>> gainedBy = new TreeMap<>();
        gains.forEach(gain -> gainedBy.computeIfAbsent(gain.how(), how -> new ArrayList<>()).add(gain.file()));
        Map<String, Long> withArticlesBy = new TreeMap<>();
        outcomes.stream().filter(o -> o.articles() > 0 && !AS_SERVED.equals(o.how()))
                .forEach(o -> withArticlesBy.merge(o.how(), 1L, Long::sum));
        out.append("### Gains, by how ingest read the file\n\n");
        if (gainedBy.isEmpty() && withArticlesBy.isEmpty()) {
            out.append("No file was gained, and every file ingest gives articles for was read as served.\n");
        } else {
            out.append(wrapped("The formats and repairs a file needed, joined by +; \"all\" counts every file "
                            + "ingest gives articles for that was read this way, the floor's included:", ""))
                    .append("\n| how ingest read the file | gained | all |\n| --- | --- | --- |\n");
            Map<String, Long> rows = new TreeMap<>(withArticlesBy);
            gainedBy.keySet().forEach(how -> rows.putIfAbsent(how, 0L));
            rows.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Long>>comparingInt(
                                    row -> -gainedBy.getOrDefault(row.getKey(), List.of()).size())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(row -> out.append("| ").append(row.getKey().replace("|", "\\|")).append(" | ")
                            .append(gainedBy.getOrDefault(row.getKey(), List.of()).size()).append(" | ")
                            .append(row.getValue()).append(" |\n"));
        }
        if (!gainedBy.isEmpty()) {
            out.append("\nThe files gained:\n\n");
            gainedBy.forEach((how, files) -> out.append(wrapped("- " + how + ": " + String.join(", ",
                    files.stream().map(CorpusRobustnessTest::code).toList()), "  ")));
        }
        if (!losses.isEmpty()) {
            out.append("\nThe files lost:\n\n");
            losses.forEach(loss -> out.append(wrapped("- " + code(loss.file()) + ": " + (loss.error() == null
                    ? "no article" : code(loss.error())), "  ")));
        }
        out.append('\n');
    }

    /**
     * {@code text} as lines of at most {@value #MAX_LINE} UTF-8 bytes (so at most as many characters too), broken
     * at spaces, the lines after the first indented by {@code indent}; a word longer than a line stays whole. A
     * break inside a code span is allowed: Markdown reads it as a space.
     */
    static String wrapped(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.isEmpty()) {
                line.append(word);
            } else if (utf8Length(line) + 1 + utf8Length(word) <= MAX_LINE) {
                line.append(' ').append(word);
            } else {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent).append(word);
            }
        }
        return out.append(line).append('\n').toString();
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code text} as a Markdown code span, so that {@code <element>} names show instead of being read as HTML. */
    static String code(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    /** The error without its specifics (positions, quoted names), so that errors of one kind group together. */
    static String reasonOf(String error) {
        String reason = error
                .replaceAll(" at line \\d+, column \\d+", "")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\b(0x)?[0-9a-fA-F]*\\d[0-9a-fA-F]*\\b", "N")
                .replaceAll("https?://[^\\s)]+", "<url>");
        return reason.length() > 160 ? reason.substring(0, 157) + "..." : reason;
    }

    /** {@code newsroom.corpora.dir}, else {@code ../shared/corpora} beside the repository root. */
    static Path corporaDir() {
        String configured = System.getProperty("newsroom.corpora.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("newsroom.repo.root", ".")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs").resolve("messages"))) {
                return dir.resolve("..").resolve("shared").resolve("corpora").normalize();
            }
        }
        return start.resolve("..").resolve("shared").resolve("corpora").normalize();
    }
}
