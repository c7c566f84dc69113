package org.newsroommonitor.search.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestUsers;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;

/**
 * The newsroom UI in real headless Chromium (Debian's package, driven by Playwright) against the service running on
 * the real Kafka broker and Elasticsearch node, with the {@link UiCorpus} indexed through Kafka.
 */
@QuarkusTest
@TestProfile(UiCorpus.Profile.class)
class NewsroomUiTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Pattern RELATIVE_MINUTES = Pattern.compile("\\d+ minutes ago");

    static UiCorpus corpus;
    static BrowserSession browser;

    @TestHTTPResource("/")
    URL root;

    BrowserSession.Watched watched;
    Page page;

    @BeforeEach
    void seedAndOpenBrowser() throws Exception {
        java.nio.file.Path chromium = Chromium.executable();
        synchronized (NewsroomUiTest.class) {
            if (corpus == null) {
                UiCorpus.createTopics(bootstrapServers());
                UiCorpus fresh = new UiCorpus(Instant.now());
                fresh.produce(bootstrapServers());
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(given().queryParam("facets", "false")
                        .get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total"))
                        .isEqualTo(fresh.articles().size()));
                corpus = fresh;
            }
            if (browser == null) {
                browser = BrowserSession.launch(chromium);
            }
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        watched = browser.newPage();
        page = watched.page();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void nothingRanThatShouldNot() {
        if (watched == null) {
            return;
        }
        try {
            assertThat(watched.dialogs()).as("dialogs opened by the page").isEmpty();
            assertThat(watched.errors()).as("script errors and CSP violations").isEmpty();
            assertThat(page.evaluate("() => window.__xss === undefined")).as("window.__xss set by feed markup").isEqualTo(true);
        } finally {
            watched.context().close();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void searchShowsHighlightedHitsWithSourceRelativeTimeAndTopicBadges() {
        open("");
        page.locator("#q").fill("convoy");
        page.locator("#q").press("Enter");
        expect(page).hasURL(Pattern.compile("\\?q=convoy$"));
        expect(page.locator("#status")).hasText("2 articles");
        expect(page.locator("#results li.hit")).hasCount(2);
        assertThat(page.locator("#results li.hit").evaluateAll("hits => hits.map(h => h.dataset.id).sort()"))
                .isEqualTo(List.of("ui-convoy", UiCorpus.HOSTILE_ID));

        Locator hit = page.locator("#results li.hit[data-id=ui-convoy]");
        expect(hit.locator(".hit-title")).hasText("Aid convoy of 22 trucks waits at Aghdam checkpoint");
        expect(hit.locator(".hit-title mark")).hasText("convoy");
        expect(hit.locator(".source")).hasText("Caucasus Wire");
        expect(hit.locator("time")).hasText(RELATIVE_MINUTES);
        expect(hit.locator("time")).hasAttribute("datetime", corpus.article("ui-convoy").published().toString());
        expect(hit.locator(".badge.topic")).hasText("humanitarian-aid");
        expect(hit.locator(".badge.topic")).hasAttribute("title",
                "matched: trucks of flour and medicine, aid convoy (score 0.84)");

        // a topic badge filters by its topic (Stepanakert is in the text of six articles, two of them food-security)
        open("?q=Stepanakert");
        page.locator("#results li.hit[data-id=ui-blockade] .badge.topic[data-topic=food-security]").click();
        expect(page).hasURL(Pattern.compile("\\?q=Stepanakert&topic=food-security$"));
        expect(page.locator("#status")).hasText("2 articles");
        assertThat(ids()).containsExactlyInAnyOrder("ui-blockade", "ui-bread");
        expect(page.locator("#active-filters .chip[data-param=topic]")).hasCount(1);
    }

    @Test
    void clickingFacetsFiltersAndTheUrlReproducesTheSearch() {
        open("");
        expect(page.locator("#status")).hasText(corpus.articles().size() + " articles");
        Locator stepanakert = page.locator("section[data-facet=places] button[data-value='geo:stepanakert']");
        int withPlace = count(a -> a.places().contains("geo:stepanakert"));
        expect(stepanakert.locator(".count")).hasText(String.valueOf(withPlace));
        stepanakert.click();

        expect(page).hasURL(Pattern.compile("\\?place=geo%3Astepanakert$"));
        expect(page.locator("#status")).hasText(withPlace + " articles");
        expect(stepanakert).hasAttribute("aria-pressed", "true");

        Locator regionMonitor = page.locator("section[data-facet=sources] button[data-value='Region Monitor']");
        int both = count(a -> a.places().contains("geo:stepanakert") && a.source().equals("Region Monitor"));
        expect(regionMonitor.locator(".count")).hasText(String.valueOf(both));
        regionMonitor.click();
        expect(page.locator("#status")).hasText(both + " articles");
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(corpus.articles().stream()
                .filter(a -> a.places().contains("geo:stepanakert") && a.source().equals("Region Monitor"))
                .map(UiCorpus.Article::id).toList());

        // the URL is the search: a new page opened on it shows the same results and filters
        String shared = page.url();
        assertThat(shared).contains("place=geo%3Astepanakert", "source=Region+Monitor");
        BrowserSession.Watched other = browser.newPage();
        try {
            other.page().navigate(shared);
            expect(other.page().locator("#status")).hasText(both + " articles");
            expect(other.page().locator("section[data-facet=sources] button[data-value='Region Monitor']"))
                    .hasAttribute("aria-pressed", "true");
            expect(other.page().locator("#active-filters .chip")).hasCount(2);
        } finally {
            other.context().close();
        }

        // removing a filter with its chip, and the back button restores it
        page.locator("#active-filters .chip[data-param=place]").click();
        int regionOnly = count(a -> a.source().equals("Region Monitor"));
        expect(page.locator("#status")).hasText(regionOnly + " articles");
        page.goBack();
        expect(page.locator("#status")).hasText(both + " articles");
    }

    @Test
    void openingAnArticleShowsItsPlacesOrganisationsAndSimilarStories() {
        open("?q=" + enc("\"Red Cross\""));
        page.locator("#results li.hit[data-id=ui-icrc] .hit-title button").click();
        expect(page).hasURL(Pattern.compile("article=ui-icrc"));
        Locator view = page.locator("#article-view");
        expect(view).isVisible();
        expect(view.locator(".article-title")).hasText("Red Cross delivers medicine through the Lachin corridor");
        expect(view.locator(".entities.places .entity")).hasText(new String[] {"Lachin corridor", "Stepanakert"});
        expect(view.locator(".entities.organisations .entity")).hasText(new String[] {"International Committee of the Red Cross"});
        expect(view.locator(".article-text")).hasText("The International Committee of the Red Cross brought insulin "
                + "and dialysis supplies to the hospital in Stepanakert.");
        expect(view.locator(".topic-line .matched").first()).hasText("matched “insulin”, “dialysis supplies”, “hospital”");
        expect(view.locator("a.original")).hasAttribute("href", "https://newsroom.example/ui-icrc");
        expect(view.locator("a.original")).hasAttribute("rel", "noopener noreferrer nofollow");

        // similar stories come from /api/articles/{id}/similar and open in the same view
        Locator similar = view.locator(".similar li button");
        expect(similar.first()).isVisible();
        assertThat(similar.allTextContents()).doesNotContain("Red Cross delivers medicine through the Lachin corridor");
        String next = similar.first().textContent();
        similar.first().click();
        expect(view.locator(".article-title")).hasText(next);
        expect(page).not().hasURL(Pattern.compile("article=ui-icrc"));

        // a place in the article becomes a filter; Escape closes the view
        page.goBack();
        expect(view.locator(".article-title")).hasText("Red Cross delivers medicine through the Lachin corridor");
        page.keyboard().press("Escape");
        expect(view).isHidden();
        expect(page).not().hasURL(Pattern.compile("article="));
        page.locator("#results li.hit[data-id=ui-icrc] .hit-title button").click();
        view.locator(".entities.places .entity", new Locator.LocatorOptions().setHasText("Lachin corridor")).click();
        expect(view).isHidden();
        expect(page).hasURL(Pattern.compile("place=geo%3Alachin-corridor"));
    }

    @Test
    void brushingTheTimelineSetsTheDateRange() {
        open("");
        Locator chart = page.locator("#timeline-chart svg");
        expect(chart.locator("rect.bar")).not().hasCount(0);
        BoundingBox box = chart.boundingBox();
        double y = box.y + box.height * 0.4;
        page.mouse().move(box.x + box.width * 0.55, y);
        page.mouse().down();
        page.mouse().move(box.x + box.width * 0.8, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(box.x + box.width - 2, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        expect(page).hasURL(Pattern.compile("from=.*&to="));

        Map<String, String> query = query(page.url());
        Instant from = Instant.parse(query.get("from"));
        Instant to = Instant.parse(query.get("to"));
        List<String> expected = corpus.articles().stream()
                .filter(a -> !a.published().isBefore(from) && !a.published().isAfter(to))
                .map(UiCorpus.Article::id).toList();
        assertThat(expected).as("articles in the brushed range").isNotEmpty().hasSizeLessThan(corpus.articles().size());
        expect(page.locator("#status")).hasText(expected.size() == 1 ? "1 article" : expected.size() + " articles");
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(expected);
        expect(page.locator("#range-clear")).isVisible();
        page.locator("#range-clear").click();
        expect(page.locator("#status")).hasText(corpus.articles().size() + " articles");
        assertThat(query(page.url())).doesNotContainKeys("from", "to");
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInAndAnAnonymousChangeIsRefused() {
        open("?q=convoy");
        expect(page.locator("#sign-in-toggle")).isVisible();
        expect(page.locator("#saved-signed-out")).hasText("Sign in to save searches and to see yours.");
        expect(page.locator("#saved-list li")).hasCount(0);
        // alerts are a signed-in user's own: no stream is opened for a visitor
        expect(page.locator("#alerts-state")).hasAttribute("data-state", "off");
        expect(page.locator("#alerts-list li")).hasText(new String[] {"Sign in to get the alerts of your saved searches."});
        page.locator("#save-toggle").click();
        expect(page.locator("#sign-in-form")).isVisible();
        expect(page.locator("#sign-in-status")).hasText("Sign in to save a search.");
        expect(page.locator("#save-form")).isHidden();

        // the page's own session cannot save a search without signing in
        Object answer = page.evaluate("() => fetch('/api/subscriptions', {method: 'POST', headers: {'Content-Type': "
                + "'application/json'}, body: JSON.stringify({name: 'x', query: 'aid'})})"
                + ".then(async r => r.status + ' ' + await r.text())");
        assertThat(answer).isEqualTo("401 {\"error\":\"sign in first: this needs an authenticated user\"}");

        // wrong credentials are refused, and the visitor stays signed out
        page.locator("#sign-in-form input[name=username]").fill(TestUsers.EDITOR);
        page.locator("#sign-in-form input[name=password]").fill("wrong");
        page.locator("#sign-in-form button[type=submit]").click();
        expect(page.locator("#sign-in-status")).hasText("Could not sign in: user name or password not accepted");
        expect(page.locator("#signed-in-as")).isHidden();
    }

    @Test
    void aSignedInEditorSavesASearchThatIsListedReceivesLiveAlertsAndCanBeDeleted() throws Exception {
        open("?q=convoy&place=geo%3Aaghdam");
        expect(page.locator("#alerts-state")).hasAttribute("data-state", "off");
        signIn(TestUsers.EDITOR, TestUsers.EDITOR_PASSWORD);
        expect(page.locator("#signed-in-as")).hasText("Signed in as " + TestUsers.EDITOR);
        expect(page.locator("#saved-signed-out")).isHidden();
        expect(page.locator("#alerts-state")).hasAttribute("data-state", "live");
        page.locator("#save-toggle").click();
        page.locator("#save-form input[name=name]").fill("Convoy watch");
        page.locator("#save-form button[type=submit]").click();
        Locator saved = page.locator("#saved-list li.saved", new Page.LocatorOptions().setHasText("Convoy watch"));
        expect(saved).hasCount(1);
        String id = saved.getAttribute("data-id");
        assertThat(id).isNotBlank();
        JsonNode stored = subscription(id);
        assertThat(stored).as("subscription %s in GET /api/subscriptions", id).isNotNull();
        assertThat(stored.get("name").asText()).isEqualTo("Convoy watch");
        assertThat(stored.get("query").asText()).isEqualTo("convoy");
        assertThat(stored.get("owner").asText()).isEqualTo(TestUsers.EDITOR);

        String alert = UiCorpus.JSON.createObjectNode()
                .put("subscriptionId", id).put("articleId", "ui-convoy")
                .put("title", "Aid convoy of 22 trucks waits at Aghdam checkpoint")
                .put("url", "https://newsroom.example/ui-convoy")
                .put("time", Instant.now().toString())
                .set("matched", UiCorpus.JSON.createArrayNode().add("convoy")).toString();
        try (KafkaProducer<String, String> producer = UiCorpus.producer(bootstrapServers())) {
            producer.send(new ProducerRecord<>(UiCorpus.ALERTS_TOPIC, id, alert)).get();
        }
        Locator arrived = page.locator("#alerts-list li.alert[data-article=ui-convoy]");
        expect(arrived).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        expect(arrived.locator(".alert-subscription")).hasText("Convoy watch");
        expect(arrived.locator(".alert-title")).hasText("Aid convoy of 22 trucks waits at Aghdam checkpoint");
        expect(arrived.locator(".matched")).hasText("matched: convoy");
        screenshot("alerts.png");

        arrived.locator(".alert-title").click();
        expect(page.locator("#article-view .article-title")).hasText("Aid convoy of 22 trucks waits at Aghdam checkpoint");
        page.keyboard().press("Escape");

        saved.locator("button.delete").click();
        expect(saved).hasCount(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subscription(id)).isNull());

        page.locator("#sign-out").click();
        expect(page.locator("#sign-in-toggle")).isVisible();
        expect(page.locator("#saved-signed-out")).isVisible();
        expect(page.locator("#alerts-state")).hasAttribute("data-state", "off");
        expect(page.locator("#alerts-list li.alert")).hasCount(0);
        Object after = page.evaluate("() => fetch('/api/subscriptions').then(r => r.status)");
        assertThat(after).isEqualTo(401);
    }

    private void signIn(String user, String password) {
        page.locator("#sign-in-toggle").click();
        page.locator("#sign-in-form input[name=username]").fill(user);
        page.locator("#sign-in-form input[name=password]").fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
    }

    @Test
    void feedMarkupAndScriptAreShownAsTextAndNeverRun() {
        open("?q=hijacked");
        expect(page.locator("#status")).hasText("1 article");
        Locator hit = page.locator("#results li.hit[data-id=" + UiCorpus.HOSTILE_ID + "]");
        expect(hit.locator(".hit-title")).hasText(UiCorpus.HOSTILE_TITLE);
        expect(hit.locator(".hit-title mark")).hasText("hijacked");
        expect(hit.locator(".snippet")).hasText(UiCorpus.HOSTILE_SUMMARY);
        expect(hit.locator(".source")).hasText("Untrusted <b>Feed</b>");
        expect(hit.locator(".badge.topic")).hasAttribute("title", "matched: <img src=x onerror=alert(1)>checkpoint (score 0.60)");
        expect(page.locator("section[data-facet=sources] .facet-label")).hasText("Untrusted <b>Feed</b>");
        assertThat(page.locator("main img, main script, main svg:not(.timeline-svg), main iframe, main b, aside img, aside b").count())
                .isZero();
        hit.hover();

        hit.locator(".hit-title button").click();
        Locator view = page.locator("#article-view");
        expect(view.locator(".article-title")).hasText(UiCorpus.HOSTILE_TITLE);
        expect(view.locator(".article-text")).hasText(UiCorpus.HOSTILE_TEXT);
        expect(view.locator(".article-summary")).hasText(UiCorpus.HOSTILE_SUMMARY);
        expect(view.locator("a.original")).hasCount(0);
        assertThat(view.locator("img, script, svg, iframe, b").count()).isZero();
        view.locator(".article-summary").hover();
        // the afterEach check asserts no dialog opened, no error, and window.__xss stayed undefined
    }

    @Test
    void highlightsAreBuiltFromMarkTagsOnlyAndTimesReadLikeANewsroom() {
        open("");
        Object result = page.evaluate("""
                async () => {
                  const h = await import('/js/highlight.js');
                  const t = await import('/js/time.js');
                  const s = await import('/js/state.js');
                  const div = document.createElement('div');
                  div.append(h.renderMarked('<mark><img src=x onerror="window.__xss=1"></mark> &lt;script&gt;x&lt;&#x2F;script&gt; <mark>aid</mark> &amp;lt; &#x27;q&#x27; &quot;'));
                  const now = Date.parse('2023-09-12T14:05:00Z');
                  const state = s.readState('?q=aid&topic=blockade&topic=health&place=geo%3Aaghdam&from=2023-09-01&sort=newest&article=x');
                  return {
                    elements: [...div.querySelectorAll('*')].map(e => e.tagName).join(','),
                    marks: [...div.querySelectorAll('mark')].map(e => e.textContent),
                    text: div.textContent,
                    segments: JSON.stringify(h.markedSegments('a <mark>b</mark>c')),
                    minutes: t.relativeTime('2023-09-12T14:02:00Z', now),
                    hours: t.relativeTime('2023-09-12T11:00:00Z', now),
                    days: t.relativeTime('2023-09-10T12:00:00Z', now),
                    justNow: t.relativeTime('2023-09-12T14:04:30Z', now),
                    month: new Date(t.nextBucketStart(Date.parse('2023-01-31T00:00:00Z'), '1M')).toISOString(),
                    threeHours: new Date(t.nextBucketStart(now, '3h')).toISOString(),
                    roundTrip: s.queryString(state),
                  };
                }""");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) result;
        assertThat(values.get("elements")).isEqualTo("MARK,MARK");
        assertThat(values.get("marks")).isEqualTo(List.of("<img src=x onerror=\"window.__xss=1\">", "aid"));
        assertThat(values.get("text")).isEqualTo("<img src=x onerror=\"window.__xss=1\"> <script>x</script> aid &lt; 'q' \"");
        assertThat(values.get("segments")).isEqualTo("[{\"text\":\"a \",\"mark\":false},{\"text\":\"b\",\"mark\":true},"
                + "{\"text\":\"c\",\"mark\":false}]");
        assertThat(values.get("minutes")).isEqualTo("3 minutes ago");
        assertThat(values.get("hours")).isEqualTo("3 hours ago");
        assertThat(values.get("days")).isEqualTo("2 days ago");
        assertThat(values.get("justNow")).isEqualTo("just now");
        assertThat(values.get("month")).isEqualTo("2023-03-03T00:00:00.000Z");
        assertThat(values.get("threeHours")).isEqualTo("2023-09-12T17:05:00.000Z");
        assertThat(values.get("roundTrip"))
                .isEqualTo("?q=aid&topic=blockade&topic=health&place=geo%3Aaghdam&from=2023-09-01&sort=newest&article=x");
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicyAndNoOutsideAssets() {
        Response response = given().get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // only the page gets the whole policy (Swagger UI needs inline script); every answer may not be framed
        assertThat(given().get("/q/openapi").header("Content-Security-Policy")).as("only the page gets the policy")
                .isEqualTo("frame-ancestors 'none'");
        List<String> requested = new ArrayList<>();
        page.onRequest(request -> requested.add(request.url()));
        open("");
        expect(page.locator("#status")).hasText(corpus.articles().size() + " articles");
        String origin = root.getProtocol() + "://" + root.getHost() + ":" + root.getPort() + "/";
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
    }

    @Test
    void mainPageScreenshot() throws Exception {
        open("?q=Stepanakert");
        expect(page.locator("#results li.hit").first()).isVisible();
        expect(page.locator("#timeline-chart rect.bar").first()).isAttached();
        expect(page.locator("section[data-facet=topics] button").first()).isVisible();
        Path file = screenshot("main.png");
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void open(String query) {
        page.navigate(root.toString().replaceAll("/$", "") + "/" + query);
        expect(page.locator("#status")).hasText(Pattern.compile("\\d+ articles?|Nothing|Cannot|failed"));
    }

    private Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        return file;
    }

    private List<String> ids() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) page.locator("#results li.hit")
                .evaluateAll("hits => hits.map(h => h.dataset.id)");
        return ids;
    }

    /** The broker the service uses, from its config (the module's global test resource set it). */
    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static int count(Predicate<UiCorpus.Article> filter) {
        return (int) corpus.articles().stream().filter(filter).count();
    }

    private static JsonNode subscription(String id) {
        JsonNode body = UiCorpus.tree(asAdmin().get("/api/subscriptions").then().statusCode(200).extract()
                .asString());
        JsonNode list = body.isArray() ? body : body.path("subscriptions");
        for (JsonNode item : list) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    private static PageAssertions expect(Page page) {
        return PlaywrightAssertions.assertThat(page);
    }
}
