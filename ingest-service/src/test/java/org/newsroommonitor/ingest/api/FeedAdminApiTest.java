package org.newsroommonitor.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.localstack.TestServers;

import java.util.List;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The admin API of the feed registry, in the running service; the feeds it adds are removed after each test. */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedAdminApiTest {

    @Inject
    FeedRegistry registry;

    @Inject
    org.newsroommonitor.ingest.article.LanguageDetection languages;

    @Test
    void theLanguageDetectorLoadsItsModelsInTheService() {
        assertThat(languages.detect("Aid trucks have waited at the Lachin checkpoint for two days while bakeries "
                + "in Stepanakert ration bread.")).isEqualTo("en");
        assertThat(languages.detect("Грузовики с гуманитарной помощью второй день ждут у блокпоста.")).isEqualTo("ru");
    }

    @AfterEach
    void removeAddedFeeds() {
        for (Feed feed : registry.feeds()) {
            if (!feed.origin().equals("env")) {
                registry.remove(feed.id());
            }
        }
    }

    @Test
    void addShowPauseAndRemoveAFeed() {
        String url = FixtureFeedServer.url("/feeds/other.rss");
        String id = Feed.idOf(url);

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url + "\", \"name\": \"Other wire\"}")
                .when().post("/api/feeds").then()
                .statusCode(201)
                .header("Location", endsWith("/api/feeds/" + id))
                .body("id", equalTo(id))
                .body("url", equalTo(url))
                .body("name", equalTo("Other wire"))
                .body("origin", equalTo("api"))
                .body("paused", equalTo(false))
                .body("lastFetch", nullValue());

        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}")
                .when().post("/api/feeds").then()
                .statusCode(409)
                .body("error", equalTo("a feed with this URL is already registered, with id " + id));

        asAdmin().when().get("/api/feeds").then().statusCode(200).body("url", hasItem(url));
        asAdmin().when().get("/api/feeds/" + id).then().statusCode(200).body("name", equalTo("Other wire"));

        asAdmin().contentType(ContentType.JSON).body("{\"paused\": true}")
                .when().patch("/api/feeds/" + id).then()
                .statusCode(200)
                .body("paused", equalTo(true))
                .body("pausedReason", equalTo("paused through the API"))
                .body("name", equalTo("Other wire"));
        assertThat(registry.find(id)).map(Feed::paused).contains(true);

        asAdmin().contentType(ContentType.JSON).body("{\"paused\": false, \"name\": \"Renamed\"}")
                .when().patch("/api/feeds/" + id).then()
                .statusCode(200).body("paused", equalTo(false)).body("name", equalTo("Renamed"));

        asAdmin().when().delete("/api/feeds/" + id).then().statusCode(204);
        asAdmin().when().get("/api/feeds/" + id).then().statusCode(404)
                .body("error", equalTo("no feed with id " + id));
        asAdmin().when().get("/api/feeds").then().body("url", not(hasItem(url)));
    }

    @Test
    void refusedUrlsGet400WithTheReason() {
        String kafka = TestServers.kafka().bootstrapServers(); // 127.0.0.1:<port>, same address as the fixture server
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"http://" + kafka + "/\"}")
                .when().post("/api/feeds").then()
                .statusCode(400)
                .body("error", allOf(containsString("127.0.0.1 is a loopback address"),
                        containsString("add " + kafka + " to newsroom.ingest.allowed-hosts")));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"http://169.254.169.254/latest/meta-data/\"}")
                .when().post("/api/feeds").then()
                .statusCode(400).body("error", containsString("link-local"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"file:///etc/passwd\"}")
                .when().post("/api/feeds").then()
                .statusCode(400)
                .body("error", equalTo("only http and https feed URLs are fetched, not 'file': file:///etc/passwd"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"no url\"}")
                .when().post("/api/feeds").then()
                .statusCode(400).body("error", equalTo("the feed has no url"));
        assertThat(registry.feeds()).extracting(Feed::origin).containsOnly("env");
    }

    @Test
    void opmlImportAndExport() {
        String allowed = FixtureFeedServer.url("/feeds/from-opml.rss");
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Desk</title></head><body>
                  <outline text="Caucasus">
                    <outline type="rss" text="From OPML" xmlUrl="%s"/>
                    <outline type="rss" text="Intranet" xmlUrl="http://10.0.0.7/rss"/>
                  </outline>
                  <outline type="rss" text="Again" xmlUrl="%s"/>
                </body></opml>""".formatted(allowed, FixtureFeedServer.url(FixtureFeedServer.FEED_PATH));

        asAdmin().contentType("text/x-opml").body(opml).when().post("/api/feeds/opml").then()
                .statusCode(200)
                .body("added.url", equalTo(List.of(allowed)))
                .body("added[0].name", equalTo("From OPML"))
                .body("added[0].origin", equalTo("opml"))
                .body("alreadyRegistered", equalTo(List.of(FixtureFeedServer.url(FixtureFeedServer.FEED_PATH))))
                .body("refused.url", equalTo(List.of("http://10.0.0.7/rss")))
                .body("refused[0].error", containsString("10.0.0.7 is a private network address"));

        String exported = asAdmin().when().get("/api/feeds/opml").then()
                .statusCode(200).contentType(containsString("text/x-opml")).extract().asString();
        assertThat(exported).contains("<opml version=\"2.0\">")
                .contains("xmlUrl=\"" + allowed + "\"")
                .contains("title=\"From OPML\"")
                .contains("xmlUrl=\"" + FixtureFeedServer.url(FixtureFeedServer.FEED_PATH) + "\"");

        asAdmin().contentType("text/x-opml").body("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/x.dtd\"><opml/>")
                .when().post("/api/feeds/opml").then()
                .statusCode(400).body("error", containsString("DOCTYPE"));
    }

    @Test
    void anOpmlImportOverTheFeedLimitIsRefusedWholeAndAddsNothing() {
        List<Feed> before = registry.feeds();
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><head/><body>");
        opml.append("<outline type=\"rss\" text=\"Allowed\" xmlUrl=\"")
                .append(FixtureFeedServer.url("/feeds/from-opml.rss")).append("\"/>");
        for (int i = 1; i < 501; i++) { // 501 feeds, one over the default limit of 500
            opml.append("<outline xmlUrl=\"https://feeds").append(i).append(".example/rss\"/>");
        }
        opml.append("</body></opml>");

        asAdmin().contentType("text/x-opml").body(opml.toString()).when().post("/api/feeds/opml").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("the OPML lists 501 feeds, more than the limit of 500 per import "
                        + "(newsroom.ingest.max-feeds-per-import): nothing added"));
        assertThat(registry.feeds()).isEqualTo(before);
    }
}
