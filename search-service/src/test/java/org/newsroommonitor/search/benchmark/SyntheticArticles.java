package org.newsroommonitor.search.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.search.index.ArticleDocument;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Generated articles of realistic shape and length for {@link SearchBenchmark}: seeded, so the same seed gives the
 * same articles.
 */
final class SyntheticArticles {

    /** Configured like Quarkus' ObjectMapper in the service: java.time as ISO-8601 strings. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String[] TOPICS = {"humanitarian-aid", "blockade", "food-security", "displacement", "health",
            "armed-conflict", "detention", "diplomacy"};
    static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "ru", "fr", "hy", "de"};
    static final String[] DOMAIN = {"aid", "convoy", "trucks", "blockade", "corridor", "Lachin", "Stepanakert",
            "Aghdam", "bread", "flour", "rationing", "fuel", "medicine", "insulin", "hospital", "checkpoint",
            "humanitarian", "Red", "Cross", "refugees", "border", "shortage", "electricity", "gas", "negotiations",
            "ceasefire", "shelling", "evacuation", "villages", "residents", "families", "queue", "pharmacy"};

    private SyntheticArticles() {
    }

    /** The document search-service would store for {@link #article}: read as its message, then derived. */
    static ObjectNode document(Vocabulary v, SplittableRandom r, String id) throws JsonProcessingException {
        return ArticleDocument.of(ClassifiedArticle.read(JSON, article(v, r, id)));
    }

    /** Realistic lengths: a title of 6-14 words, a summary of 20-45, a text of 150-600 words (about 1-4 KB). */
    static ObjectNode article(Vocabulary v, SplittableRandom r, String id) {
        ObjectNode a = JSON.createObjectNode();
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextLong(2L * 365 * 86400));
        String summary = v.sentence(r, 20 + r.nextInt(26));
        a.put("schemaVersion", 1).put("id", id).put("revision", 1).put("url", "https://bench.example/" + id)
                .put("canonicalUrl", "https://bench.example/" + id).putNull("guid")
                .put("title", v.sentence(r, 6 + r.nextInt(9))).put("summary", summary)
                .put("text", summary + " " + v.sentence(r, 150 + r.nextInt(451)))
                .put("published", published.toString()).put("publishedSource", "feed-published")
                .put("firstSeen", published.toString()).put("language", LANGS[r.nextInt(LANGS.length)]);
        a.putArray("authors").add("Staff " + r.nextInt(200));
        a.putArray("categories").add("News");
        a.putArray("sources").addObject().put("feedUrl", "https://bench.example/feed" + r.nextInt(30) + ".rss")
                .put("name", "Source " + r.nextInt(30)).put("siteUrl", "https://bench.example/");
        a.put("contentHash", "0".repeat(64));
        ArrayNode topics = a.putArray("topics");
        int nTopics = r.nextInt(3);
        for (int i = 0; i < nTopics; i++) {
            ObjectNode t = topics.addObject().put("id", TOPICS[r.nextInt(TOPICS.length)]).put("score", 0.5 + r.nextDouble() / 2);
            t.putArray("matched").add(DOMAIN[r.nextInt(DOMAIN.length)]);
            t.putArray("hits");
        }
        a.put("taxonomyVersion", "bench").put("classifiedAt", published.toString());
        ArrayNode places = a.putArray("places");
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            int p = r.nextInt(50);
            double lat = 38 + p * 0.05;
            double lon = 45 + p * 0.05;
            places.addObject().put("id", "place-" + p).put("name", "Place " + p).put("count", 1 + r.nextInt(3))
                    .put("country", "AZ").put("lat", lat).put("lon", lon);
        }
        ArrayNode orgs = a.putArray("organisations");
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            int o = r.nextInt(20);
            orgs.addObject().put("id", "org-" + o).put("name", "Organisation " + o).put("count", 1);
        }
        return a;
    }

    /** Synthetic words with a Zipf-like frequency (a few very common, a long tail), mixed with domain terms. */
    static final class Vocabulary {
        final String[] words;
        final double[] cumulative;

        Vocabulary(int size, long seed) {
            Random random = new Random(seed);
            words = new String[size];
            String letters = "abcdefghijklmnopqrstuvwxyz";
            String[] common = {"the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "by",
                    "as", "at", "from", "said", "have", "has", "were"};
            for (int i = 0; i < size; i++) {
                if (i < common.length) {
                    words[i] = common[i];
                } else if (i < common.length + DOMAIN.length * 3 && (i - common.length) % 3 == 0) {
                    words[i] = DOMAIN[(i - common.length) / 3];
                } else {
                    int len = 3 + random.nextInt(8);
                    StringBuilder w = new StringBuilder();
                    for (int c = 0; c < len; c++) {
                        w.append(letters.charAt(random.nextInt(26)));
                    }
                    words[i] = w.toString();
                }
            }
            cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += 1.0 / Math.pow(i + 1, 1.05);
                cumulative[i] = sum;
            }
            for (int i = 0; i < size; i++) {
                cumulative[i] /= sum;
            }
        }

        String word(SplittableRandom r) {
            int i = Arrays.binarySearch(cumulative, r.nextDouble());
            return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
        }

        String sentence(SplittableRandom r, int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String w = word(r);
                s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                s.append(i == n - 1 ? "." : (r.nextInt(12) == 0 ? ", " : " "));
            }
            return s.toString();
        }
    }
}
