package org.newsroommonitor.ingest.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.ingest.TestIngestConfig;
import org.newsroommonitor.ingest.net.AllowedHosts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedRegistryTest {

    @Test
    void readsTheFeedFileAndAddsTheFeedsOfTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                feeds:
                  - url: https://wire.example/rss
                    name: The Wire
                  - url: https://daily.example/atom.xml
                    paused: true
                """);
        TestIngestConfig config = new TestIngestConfig();
        config.feedsFile = Optional.of(file.toString());
        config.feeds = List.of("https://wire.example/rss", "https://env.example/feed");

        FeedRegistry registry = new FeedRegistry(config);

        assertThat(registry.feeds()).containsExactly(
                new Feed(Feed.idOf("https://wire.example/rss"), "https://wire.example/rss", "The Wire", false, "file"),
                new Feed(Feed.idOf("https://daily.example/atom.xml"), "https://daily.example/atom.xml", null, true,
                        "file"),
                new Feed(Feed.idOf("https://env.example/feed"), "https://env.example/feed", null, false, "env"));
    }

    @Test
    void theBundledFileIsEmpty() {
        assertThat(new FeedRegistry(new TestIngestConfig()).feeds()).isEmpty();
    }

    @Test
    void aTypoInTheFeedFileIsAnError() {
        assertThatThrownBy(() -> FeedsFile.read(new ByteArrayInputStream("""
                feeds:
                  - url: https://wire.example/rss
                    nmae: typo
                """.getBytes(StandardCharsets.UTF_8)), "feeds.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feed file feeds.yaml is not valid: Unrecognized field \"nmae\"");
        assertThatThrownBy(() -> FeedsFile.read(new ByteArrayInputStream("feeds:\n  - name: x\n".getBytes(
                StandardCharsets.UTF_8)), "feeds.yaml")).hasMessageContaining("url");
    }

    @Test
    void aMissingFeedFileStopsTheStartWithItsPath(@TempDir Path dir) {
        TestIngestConfig config = new TestIngestConfig();
        config.feedsFile = Optional.of(dir.resolve("nope.yaml").toString());
        assertThatThrownBy(() -> new FeedRegistry(config))
                .hasMessageContaining("nope.yaml (newsroom.ingest.feeds-file) cannot be read");
    }

    @Test
    void changesAreAnnouncedAndFeedIdsAreStable() throws Exception {
        FeedRegistry registry = new FeedRegistry(AllowedHosts.of(List.of("127.0.0.1:8090")));
        List<FeedRegistry.Change> changes = new ArrayList<>();
        registry.addListener(changes::add);

        Feed feed = registry.add("http://127.0.0.1:8090/feeds/a.rss", " A ", "api");
        registry.update(feed.id(), true, null);
        registry.remove(feed.id());

        assertThat(feed.id()).isEqualTo(Feed.idOf("http://127.0.0.1:8090/feeds/a.rss")).hasSize(16);
        assertThat(feed.name()).isEqualTo("A");
        assertThat(changes).extracting(change -> change.feed().paused() + "/" + change.removed())
                .containsExactly("false/false", "true/false", "true/true");
        assertThat(registry.feeds()).isEmpty();
    }
}
