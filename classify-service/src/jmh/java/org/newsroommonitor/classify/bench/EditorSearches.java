package org.newsroommonitor.classify.bench;

import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.Tokens;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Saved searches of the kind an editor writes, made from the words of a set of articles so that they can match
 * them, but rarely: 2 to 4 words or phrases, AND by default, some {@code prefix*}, some {@code OR}, some with a
 * topic or place filter. Words are taken from the middle of the vocabulary (in 0.5% to 15% of the articles):
 * function words and one-off words make no saved search. Reproducible (fixed seed).
 *
 * <p>Shapes (each a fifth): {@code word word}; {@code "word word" word} (a phrase seen in the articles);
 * {@code prefix* word}; {@code word OR word word}; {@code word word word}. A quarter get a topic filter (one or
 * two topic ids), a tenth a place filter (one place id).
 */
final class EditorSearches {

    private final Random random;
    private final List<String> words = new ArrayList<>();
    private final List<String> phrases = new ArrayList<>();
    private final List<String> topics;
    private final List<String> places;

    EditorSearches(long seed, List<SyntheticNews.Article> articles, List<String> topics, List<String> places) {
        this.random = new Random(seed);
        this.topics = topics;
        this.places = places;
        Analyzer analyzer = new NewsAnalyzer();
        Map<String, Integer> documentFrequency = new HashMap<>();
        Map<String, Integer> bigramFrequency = new HashMap<>();
        for (SyntheticNews.Article article : articles) {
            List<String> tokens = Tokens.of(analyzer, article.title() + " . " + article.summary() + " . " + article.text());
            Set<String> seen = new HashSet<>();
            Set<String> seenBigrams = new HashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (usable(token) && seen.add(token)) {
                    documentFrequency.merge(token, 1, Integer::sum);
                }
                if (i > 0 && usable(tokens.get(i - 1)) && usable(token) && seenBigrams.add(tokens.get(i - 1) + " " + token)) {
                    bigramFrequency.merge(tokens.get(i - 1) + " " + token, 1, Integer::sum);
                }
            }
        }
        int n = articles.size();
        documentFrequency.forEach((word, df) -> {
            if (df >= Math.max(2, n * 0.005) && df <= n * 0.15) {
                words.add(word);
            }
        });
        bigramFrequency.forEach((bigram, df) -> {
            if (df >= 2 && df <= n * 0.05) {
                phrases.add(bigram);
            }
        });
        words.sort(null);
        phrases.sort(null);
        if (words.size() < 10) {
            throw new IllegalStateException("too few articles to make saved searches from: " + n);
        }
    }

    private static boolean usable(String token) {
        return token.length() >= 4 && token.chars().allMatch(Character::isLetter);
    }


    /** The next saved search: query, topic filter, place filter. */
    Search next() {
        String query = switch (random.nextInt(5)) {
            case 0 -> word() + " " + word();
            case 1 -> (phrases.isEmpty() ? word() : "\"" + pick(phrases) + "\"") + " " + word();
            case 2 -> prefix(word()) + " " + word();
            case 3 -> word() + " OR " + word() + " " + word();
            default -> word() + " " + word() + " " + word();
        };
        List<String> topicFilter = random.nextInt(4) == 0
                ? (random.nextBoolean() ? List.of(pick(topics)) : List.of(pick(topics), pick(topics))) : List.of();
        List<String> placeFilter = random.nextInt(10) == 0 ? List.of(pick(places)) : List.of();
        return new Search(query, topicFilter, placeFilter);
    }

    private String word() {
        return pick(words);
    }

    private String prefix(String word) {
        return word.length() <= 5 ? word : word.substring(0, 5 + random.nextInt(word.length() - 5)) + "*";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    record Search(String query, List<String> topics, List<String> places) {
    }
}
