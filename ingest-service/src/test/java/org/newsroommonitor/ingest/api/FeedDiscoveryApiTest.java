package org.newsroommonitor.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Adding a feed by the address of a web page (autodiscovery), through the admin API and an OPML import, in the
 * running service against pages served by the fixture server: a page with one feed has that feed added instead, a
 * page with several or none adds nothing and says so, a feed is added as given, and so is a URL that cannot be
 * fetched now.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedDiscoveryApiTest {

    private static final String ONE = "/site/one/";
    private static final String TWO = "/site/two/";
    private static final String NONE = "/site/none/";
    private static final String PLAIN = "/feeds/plain.rss";
    private static final String TO_KNOWN = "/site/known/";
    private static final String TO_INTERNAL = "/site/internal/";
    private static final String MOVED = "/moved";
    private static final List<String> SERVED = List.of(ONE, TWO, NONE, PLAIN, TO_KNOWN, TO_INTERNAL, MOVED);

    @Inject
    FeedRegistry registry;

    @AfterEach
    void removeAddedFeedsAndPages() {
        for (Feed feed : registry.feeds()) {
            if (!feed.origin().equals("env")) {
                registry.remove(feed.id());
            }
        }
        SERVED.forEach(FixtureFeedServer::forget);
    }

    private static void servePages() {
        page(ONE, "<link rel=\"stylesheet\" type=\"text/css\" href=\"/style.css\">"
                + "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Wire (JSON)\" "
                + "href=\"../../feeds/wire.json\">");
        page(TWO, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" href=\"/feeds/two.rss\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"comments.atom\">");
        page(NONE, "<link rel=\"alternate\" type=\"text/html\" hreflang=\"ru\" href=\"/ru/\">");
        page(TO_KNOWN, "<link rel=\"alternate\" type=\"application/rss+xml\" href=\""
                + FixtureFeedServer.FEED_PATH + "\">");
        page(TO_INTERNAL, "<link rel=\"alternate\" type=\"application/rss+xml\" "
                + "href=\"http://169.254.169.254/latest/feed.rss\">");
        FixtureFeedServer.serve(PLAIN, "application/rss+xml",
                new String(Fixtures.feed("caucasus-wire.rss"), StandardCharsets.UTF_8));
        FixtureFeedServer.redirect(MOVED, "http://10.0.0.7/rss");
    }

    private static void page(String path, String links) {
        FixtureFeedServer.serve(path, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><head><title>Caucasus "
                + "Wire</title>" + links + "</head><body><p>News from the region.</p></body></html>");
    }

    private static String url(String path) {
        return FixtureFeedServer.url(path);
    }

    private List<Feed> added() {
        return registry.feeds().stream().filter(feed -> !feed.origin().equals("env")).toList();
    }

    @Test
    void aPageWithOneFeedHasThatFeedAddedInsteadOfThePage() {
        servePages();
        String feed = url("/feeds/wire.json");

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(ONE) + "\", \"name\": \"Wire\"}")
                .when().post("/api/feeds").then()
                .statusCode(201)
                .header("Location", endsWith("/api/feeds/" + Feed.idOf(feed)))
                .body("id", equalTo(Feed.idOf(feed)))
                .body("url", equalTo(feed))
                .body("name", equalTo("Wire"))
                .body("origin", equalTo("api"))
                .body("discoveredFrom", equalTo(url(ONE)))
                .body("lastError", nullValue());

        assertThat(added()).containsExactly(new Feed(Feed.idOf(feed), feed, "Wire", false, "api"));
        asAdmin().when().get("/api/feeds").then().statusCode(200)
                .body("url", not(hasItem(url(ONE))));
    }

    @Test
    void aPageWithSeveralFeedsAddsNothingAndOffersThem() {
        servePages();

        JsonPath answer = asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(TWO) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(422)
                .contentType(ContentType.JSON)
                .body("error", equalTo(url(TWO) + " is a web page (HTML), not a feed; it links to 2 feeds (listed in "
                        + "\"feeds\"): add the one you want"))
                .body("feeds.url", equalTo(List.of(url("/feeds/two.rss"), url(TWO + "comments.atom"))))
                .body("feeds.title", equalTo(Arrays.asList("News", null)))
                .body("feeds.type", equalTo(List.of("application/rss+xml", "application/atom+xml")))
                .extract().jsonPath();

        assertThat(answer.getMap("$")).containsOnlyKeys("error", "feeds");
        assertThat(added()).isEmpty();
    }

    @Test
    void aPageWithoutAFeedAddsNothingAndSaysSo() {
        servePages();

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(NONE) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(422)
                .body("error", equalTo(url(NONE) + " is a web page (HTML), not a feed; it links to no feed (no "
                        + "<link rel=\"alternate\"> of type RSS, Atom or JSON Feed): add the address of the site's "
                        + "feed instead"))
                .body("feeds", equalTo(List.of()));

        assertThat(added()).isEmpty();
    }

    @Test
    void aFeedIsAddedAsGiven() {
        servePages();

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(PLAIN) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(201)
                .body("url", equalTo(url(PLAIN)))
                .body("$", hasKey("discoveredFrom"))
                .body("discoveredFrom", nullValue());

        assertThat(added()).containsExactly(new Feed(Feed.idOf(url(PLAIN)), url(PLAIN), null, false, "api"));
    }

    @Test
    void aUrlThatCannotBeFetchedNowIsAddedAsGiven() {
        String missing = url("/feeds/down-for-now.rss"); // the fixture server answers 404

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + missing + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(201)
                .body("url", equalTo(missing))
                .body("discoveredFrom", nullValue());

        assertThat(added()).extracting(Feed::url).containsExactly(missing);
    }

    @Test
    void thePagesFeedMustBeNewAndPassTheUrlPolicy() {
        servePages();
        String known = url(FixtureFeedServer.FEED_PATH);

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(TO_KNOWN) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(409)
                .body("error", equalTo(url(TO_KNOWN) + " is a web page; the one feed it links to, " + known
                        + ", is already registered, with id " + Feed.idOf(known)));

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(TO_INTERNAL) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(400)
                .body("error", allOf(startsWith(url(TO_INTERNAL) + " is a web page; the one feed it links to, "
                        + "http://169.254.169.254/latest/feed.rss, may not be fetched: "),
                        containsString("link-local")));

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url(MOVED) + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(400)
                .body("error", allOf(startsWith("refused http://10.0.0.7/rss: "),
                        containsString("10.0.0.7 is a private network address")));

        assertThat(added()).isEmpty();
    }

    @Test
    void theOpenApiDescriptionShowsTheAnswers() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/feeds'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/AddedFeed"))
                .body("paths.'/api/feeds'.post.responses.'422'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/FeedChoices"))
                .body("components.schemas.AddedFeed.properties", allOf(hasKey("url"), hasKey("lastError"),
                        hasKey("discoveredFrom")))
                .body("components.schemas.FeedChoices.properties.keySet()", equalTo(Set.of("error", "feeds")))
                .body("components.schemas.FeedLink.properties.keySet()", equalTo(Set.of("url", "title", "type")));
    }

    @Test
    void anOpmlImportLooksAtEveryUrl() {
        servePages();
        String missing = url("/feeds/down-for-now.rss");
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Desk</title></head><body>
                  <outline type="rss" text="From a page" xmlUrl="%s"/>
                  <outline type="rss" text="Two feeds" xmlUrl="%s"/>
                  <outline type="rss" text="Plain" xmlUrl="%s"/>
                  <outline type="rss" text="Known" xmlUrl="%s"/>
                  <outline type="rss" text="Intranet" xmlUrl="http://10.0.0.7/rss"/>
                  <outline type="rss" text="Down" xmlUrl="%s"/>
                </body></opml>""".formatted(url(ONE), url(TWO), url(PLAIN), url(TO_KNOWN), missing);

        asAdmin().contentType("text/x-opml").body(opml).when().post("/api/feeds/opml").then()
                .statusCode(200)
                .body("added.url", equalTo(List.of(url("/feeds/wire.json"), url(PLAIN), missing)))
                .body("added.name", equalTo(List.of("From a page", "Plain", "Down")))
                .body("added.discoveredFrom", equalTo(Arrays.asList(url(ONE), null, null)))
                .body("alreadyRegistered", equalTo(List.of(url(FixtureFeedServer.FEED_PATH))))
                .body("refused.url", equalTo(List.of(url(TWO), "http://10.0.0.7/rss")))
                .body("refused[0].error", startsWith(url(TWO) + " is a web page (HTML), not a feed; it links to 2"))
                .body("refused[0].feeds.url", equalTo(List.of(url("/feeds/two.rss"), url(TWO + "comments.atom"))))
                .body("refused[1].error", containsString("10.0.0.7 is a private network address"))
                .body("refused[1]", not(hasKey("feeds")));

        assertThat(added()).containsExactly(
                new Feed(Feed.idOf(url("/feeds/wire.json")), url("/feeds/wire.json"), "From a page", false, "opml"),
                new Feed(Feed.idOf(url(PLAIN)), url(PLAIN), "Plain", false, "opml"),
                new Feed(Feed.idOf(missing), missing, "Down", false, "opml"));
    }
}
