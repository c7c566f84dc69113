package org.newsroommonitor.classify.subscription;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.messages.Subscription;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved-search queries in the search API's q syntax, their filters, and changes while matching. */
class SubscriptionMatcherTest {

    private static final String TITLE = "Aid convoy stuck at the Lachin corridor";
    private static final String TEXT = "Trucks of the ICRC wait near Goris; bread is rationed in Stepanakert.";

    private final SubscriptionMatcher matcher = new SubscriptionMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void operatorWordsMeanWhatTheyMeanInTheSearchApi() {
        SubscriptionQuery parser = new SubscriptionQuery(new NewsAnalyzer());
        assertThat(parser.parse("aid AND convoy")).isEqualTo(parser.parse("aid + convoy"));
        assertThat(parser.parse("aid OR relief")).isEqualTo(parser.parse("aid | relief"));
        assertThat(parser.parse("aid NOT   sport")).isEqualTo(parser.parse("aid -sport"));
        assertThat(parser.parse("(aid OR relief) AND \"NOT a word\""))
                .isEqualTo(parser.parse("(aid | relief) + \"NOT a word\""));
        // only upper-case words standing alone are operators
        assertThat(parser.parse("and or not ANDROID NOTE").toString()).isEqualTo(
                "+article:and +article:or +article:not +article:android +article:note");
    }

    @Test
    void queriesAreRefusedForTheSearchApisReasons() {
        SubscriptionQuery parser = new SubscriptionQuery(new NewsAnalyzer());
        assertThatThrownBy(() -> parser.parse("\"Lachin corridor")).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("is never closed");
        assertThatThrownBy(() -> parser.parse("a* convoy")).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("too short a prefix");
        assertThatThrownBy(() -> parser.parse("x ".repeat(65))).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("at most 64");
        assertThatThrownBy(() -> parser.parse("&& ||")).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("no words to search for");
        assertThat(parser.parse("*")).isEqualTo(new MatchAllDocsQuery());
    }

    @Test
    void queriesAreParsedOverTheArticleFieldsWithTheNewsAnalyzer() {
        // one field holds title, summary and text (ArticleDocument)
        SubscriptionQuery parser = new SubscriptionQuery(new NewsAnalyzer());
        assertThat(parser.parse("Laçın").toString()).isEqualTo("article:lacin");
        assertThat(parser.parse("aid NOT sport").toString()).isEqualTo("+article:aid +(-article:sport *:*)");
    }

    @Test
    void wordsMayBeInDifferentFieldsButAPhraseIsInOneField() {
        put("s-words", "Stepanakert convoy");
        put("s-phrase-across", "\"corridor Trucks\"");
        put("s-phrase-in-text", "\"Trucks of the ICRC\"");
        // the title ends with "corridor", the text starts with "Trucks"
        List<SubscriptionMatch> matches = matcher.match(TITLE, null, TEXT, Set.of(), Set.of());
        assertThat(ids(matches)).containsExactly("s-phrase-in-text", "s-words");
        assertThat(matches.get(1).matched()).containsExactly("convoy", "Stepanakert");
    }

    @Test
    void matchesWordsPhrasesPrefixesAndBooleanOperators() {
        put("s-words", "aid convoy");
        put("s-phrase", "\"Lachin corridor\"");
        put("s-prefix", "ration*");
        put("s-or", "famine OR Stepanakert");
        put("s-not", "aid NOT Goris");
        put("s-minus", "convoy -football");
        put("s-group", "(blockade | siege) + convoy");
        put("s-wrong-phrase", "\"corridor Lachin\"");

        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of(), Set.of())))
                .containsExactly("s-minus", "s-or", "s-phrase", "s-prefix", "s-words");
    }

    @Test
    void matchedTermsAreTheWordsAsWritten() {
        put("s1", "\"lachin corridor\" OR ration*");
        SubscriptionMatch match = matcher.match(TITLE, null, TEXT, Set.of(), Set.of()).getFirst();
        assertThat(match.matched()).containsExactly("Lachin corridor", "rationed");
        assertThat(match.subscription().name()).isEqualTo("name of s1");
    }

    @Test
    void topicAndPlaceFiltersAreAppliedAfterMatching() {
        matcher.put(subscription("s-topic", "convoy", List.of("blockade"), List.of()));
        matcher.put(subscription("s-place", "convoy", List.of(), List.of("stepanakert", "goma")));
        matcher.put(subscription("s-both", "convoy", List.of("health"), List.of("stepanakert")));

        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of("blockade"), Set.of("stepanakert"))))
                .containsExactly("s-place", "s-topic");
        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of(), Set.of()))).isEmpty();
    }

    @Test
    void aChangedSubscriptionReplacesTheOldQueryAndADeletedOneNoLongerMatches() {
        put("s1", "convoy");
        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of(), Set.of()))).containsExactly("s1");

        put("s1", "earthquake");
        assertThat(matcher.size()).isEqualTo(1);
        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of(), Set.of()))).isEmpty();
        assertThat(ids(matcher.match("Earthquake in Goma", null, null, Set.of(), Set.of()))).containsExactly("s1");

        assertThat(matcher.remove("s1")).isTrue();
        assertThat(ids(matcher.match("Earthquake in Goma", null, null, Set.of(), Set.of()))).isEmpty();
        assertThat(matcher.remove("s1")).isFalse();
    }

    @Test
    void anUnusableQueryIsRefusedAndTheSubscriptionInForceStays() {
        put("s1", "convoy");
        assertThatThrownBy(() -> put("s1", "\"unclosed")).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> put("s1", "(aid")).hasMessageContaining("'('");
        assertThatThrownBy(() -> put("s1", "a*")).hasMessageContaining("too short a prefix");
        assertThatThrownBy(() -> put("s1", "  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> put("s1", "&& ||")).hasMessageContaining("no words");

        assertThat(matcher.get("s1").orElseThrow().query()).isEqualTo("convoy");
        assertThat(ids(matcher.match(TITLE, null, TEXT, Set.of(), Set.of()))).containsExactly("s1");
    }

    private void put(String id, String query) {
        matcher.put(subscription(id, query, List.of(), List.of()));
    }

    private static Subscription subscription(String id, String query, List<String> topics, List<String> places) {
        return Subscription.of(id, "name of " + id, query, topics, places, "editor@example.org", null, null);
    }

    private static List<String> ids(List<SubscriptionMatch> matches) {
        return matches.stream().map(m -> m.subscription().id()).toList();
    }
}
