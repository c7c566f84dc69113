package org.newsroommonitor.classify.rules;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.eval.EvaluationSet;
import org.newsroommonitor.classify.eval.LabelledText;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.gazetteer.Gazetteer;
import org.newsroommonitor.classify.gazetteer.GazetteerLoader;
import org.newsroommonitor.classify.subscription.InvalidSubscriptionException;
import org.newsroommonitor.classify.subscription.SubscriptionMatch;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.subscription.SubscriptionQuery;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.messages.Subscription;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitors give exactly the results of running every stored query on every text (Lucene's Monitor without
 * presearcher): the topic rules and the gazetteer (default monitor) and the saved searches ({@link Monitors}:
 * whole queries, multipass presearcher that also filters prefixes), while running only a few of the queries; and
 * {@link WordHitsMatcher} gives exactly the matches and hits of Lucene's {@link HighlightsMatch#MATCHER}.
 */
class MonitorsTest {

    private static final NewsAnalyzer ANALYZER = new NewsAnalyzer();

    /** The reference: Lucene's default Monitor without a presearcher, so every stored query runs on every text. */
    private static Monitor reference() throws IOException {
        return new Monitor(ANALYZER, Presearcher.NO_FILTERING);
    }

    /** Every evaluation text, in several field layouts, and a few texts in other scripts. */
    private static List<String[]> articles() {
        List<String[]> articles = new ArrayList<>();
        for (EvaluationSet set : EvaluationSet.values()) {
            for (LabelledText text : set.load()) {
                articles.add(new String[]{text.title(), null, text.text()});
                articles.add(new String[]{text.text(), text.title(), text.title() + ". " + text.text()});
            }
        }
        articles.add(new String[]{"Гуманитарная помощь не пропускается через Лачинский коридор", null,
                "Блокада продолжается; хлеб выдают по талонам в Степанакерте."});
        articles.add(new String[]{"Laçın dəhlizi bağlıdır", "Humanitar yardım", "Ağdam yolu ilə yük maşınları."});
        return articles;
    }

    private static Document document(String title, String summary, String text) {
        return new ArticleDocument(title, summary, text).luceneDocument(ANALYZER);
    }

    private static List<CompiledRule> bundledRules() {
        RuleCompiler compiler = new RuleCompiler(ANALYZER);
        List<CompiledRule> rules = new ArrayList<>();
        for (TopicDefinition topic : new TaxonomyLoader().loadBundled().topics()) {
            rules.addAll(compiler.compile(topic));
        }
        return rules;
    }

    @Test
    void topicRulesMatchExactlyAsWithTheDefaultMonitor() throws IOException {
        List<CompiledRule> rules = bundledRules();
        try (RuleMonitor fast = new RuleMonitor(ANALYZER);
             RuleMonitor plain = new RuleMonitor(reference(), ANALYZER)) {
            fast.register(rules);
            plain.register(rules);
            int matched = 0;
            for (String[] article : articles()) {
                List<RuleMatch> expected = plain.match(article[0], article[1], article[2]);
                assertThat(fast.match(article[0], article[1], article[2]))
                        .as("rules matching '%s'", article[0]).isEqualTo(expected);
                matched += expected.size();
            }
            assertThat(matched).as("rule matches over all texts").isGreaterThan(500);
        }
    }

    @Test
    void gazetteerFindsExactlyWhatTheDefaultMonitorFinds() throws IOException {
        Gazetteer gazetteer = new GazetteerLoader().loadBundled();
        try (EntityExtractor fast = EntityExtractor.create(gazetteer);
             EntityExtractor plain = EntityExtractor.create(gazetteer, reference())) {
            int places = 0;
            for (String[] article : articles()) {
                var expected = plain.extract(article[0], article[1], article[2]);
                assertThat(fast.extract(article[0], article[1], article[2])).as("entities of '%s'", article[0])
                        .isEqualTo(expected);
                places += expected.places().size();
            }
            assertThat(places).isGreaterThan(100);
        }
    }

    @Test
    void savedSearchesMatchExactlyAsWithTheDefaultMonitor() throws IOException {
        List<String[]> articles = articles();
        try (SubscriptionMatcher fast = new SubscriptionMatcher();
             SubscriptionMatcher plain = new SubscriptionMatcher(reference())) {
            int n = 0;
            for (String query : savedSearches(articles)) {
                Subscription subscription = Subscription.of("s" + n++, "search", query, null, null, "test", null, null);
                try {
                    plain.put(subscription);
                } catch (InvalidSubscriptionException e) {
                    continue;
                }
                fast.put(subscription);
            }
            assertThat(fast.size()).isGreaterThan(500);
            int matched = 0;
            for (String[] article : articles) {
                var expected = plain.match(article[0], article[1], article[2], Set.of(), Set.of());
                assertThat(fast.match(article[0], article[1], article[2], Set.of(), Set.of()))
                        .as("saved searches matching '%s'", article[0]).isEqualTo(expected);
                matched += expected.size();
            }
            assertThat(matched).isGreaterThan(1000);
        }
    }

    /** Words, phrases, OR, NOT and prefixes (2 letters to whole words) made of the texts' own words. */
    private static Set<String> savedSearches(List<String[]> articles) {
        Set<String> queries = new LinkedHashSet<>(List.of("aid", "ration*", "бло*", "гуманитарн* помощ*",
                "\"Lachin corridor\"", "(blockade | siege) + convoy", "aid NOT football", "ya*", "hu* OR ref*"));
        for (int i = 0; i < articles.size(); i += 4) {
            List<String> words = new ArrayList<>();
            for (String word : articles.get(i)[0].split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3 && !List.of("AND", "OR", "NOT").contains(word)) {
                    words.add(word);
                }
            }
            if (words.size() < 3) {
                continue;
            }
            String a = words.get(0);
            String b = words.get(1);
            String c = words.get(2);
            queries.add(a + " " + b);
            queries.add("\"" + b + " " + c + "\"");
            queries.add(a.substring(0, 2) + "* " + c);
            queries.add(b.substring(0, Math.min(b.length(), 7)) + "* OR " + c);
            queries.add(c + " NOT " + a);
        }
        return queries;
    }

    @Test
    void prefixMarkerTermsAreCutAndShortPrefixesLeftAlone() {
        assertThat(PrefixTerms.term("text", "blockad").text()).isEqualTo("\u0001blocka");
        assertThat(PrefixTerms.term("text", "гуманитарн").text()).isEqualTo("\u0001гумани");
        assertThat(PrefixTerms.term("title", "ya").field()).isEqualTo("title");
        assertThat(PrefixTerms.term("text", "y")).isNull();
        // a rule's interval prefix is recognised as such, other interval sources are not
        assertThat(PrefixTerms.intervalPrefix(new IntervalQuery("summary", PrefixTerms.intervals("blockad"))))
                .isEqualTo("blockad");
        assertThat(PrefixTerms.intervalPrefix(new IntervalQuery("text", Intervals.term("blockad*")))).isNull();
        assertThat(PrefixTerms.intervalPrefix(new IntervalQuery("text",
                Intervals.phrase(PrefixTerms.intervals("aid"), Intervals.term("convoy"))))).isNull();
    }

    @Test
    void aSavedSearchWithAPrefixIsSelectedOnlyWhenAWordStartsWithThePrefix() throws IOException {
        try (Monitor fast = Monitors.createMultipass(ANALYZER)) {
            fast.register(new MonitorQuery("s", new SubscriptionQuery(ANALYZER).parse("blockad*")));
            var without = fast.match(document("Blocks of flats", null, "A block party."),
                    HighlightsMatch.MATCHER);
            assertThat(without.getQueriesRun()).isZero();
            // "blockage" shares the cut prefix "blocka": the search runs, and does not match
            var selectedNoMatch = fast.match(document("Blockbuster blockage", null, null),
                    HighlightsMatch.MATCHER);
            assertThat(selectedNoMatch.getQueriesRun()).isEqualTo(1);
            assertThat(selectedNoMatch.getMatchCount()).isZero();
            var matching = fast.match(document(null, null, "The blockaded town."), HighlightsMatch.MATCHER);
            assertThat(matching.getMatchCount()).isEqualTo(1);
            assertThat(matching.matches("s").getHits(ArticleDocument.FIELD)).hasSize(1);
        }
    }

    @Test
    void longArticlesWithManyWordsOfThePrefixesCanBeMatched() throws IOException {
        // every evaluation text in one article: thousands of words, many sharing prefixes with the searches
        StringBuilder text = new StringBuilder();
        for (String[] article : articles()) {
            text.append(article[0]).append(". ").append(article[2]).append('\n');
        }
        try (SubscriptionMatcher fast = new SubscriptionMatcher()) {
            fast.put(Subscription.of("s", "search", "hu* ref*", null, null, "test", null, null));
            assertThat(fast.match("Long", null, text.toString(), Set.of(), Set.of())).hasSize(1);
        }
    }

    @Test
    void wordHitsAreExactlyLucenesHighlightsForRulesNamesAndSavedSearches() throws IOException {
        List<String[]> articles = articles();
        try (Monitor rules = new Monitor(ANALYZER);
             Monitor names = new Monitor(ANALYZER);
             Monitor searches = Monitors.createMultipass(ANALYZER)) {
            rules.register(bundledRules().stream().map(CompiledRule::toMonitorQuery).toList());
            EntityExtractor.create(new GazetteerLoader().loadBundled(), names); // registers every name in it
            SubscriptionQuery parser = new SubscriptionQuery(ANALYZER);
            List<MonitorQuery> saved = new ArrayList<>();
            for (String query : savedSearches(articles)) {
                try {
                    saved.add(new MonitorQuery("s" + saved.size(), parser.parse(query)));
                } catch (InvalidSubscriptionException e) {
                    // not a usable saved search
                }
            }
            searches.register(saved);
            for (Monitor monitor : List.of(rules, names, searches)) {
                WordHitsMatcher matcher = new WordHitsMatcher();
                int hits = 0;
                for (int round = 0; round < 2; round++) { // the second round uses the rewritten queries kept
                    for (String[] article : articles) {
                        // a document's token stream is read once: one document per match
                        Map<String, Map<String, List<HighlightsMatch.Hit>>> expected =
                                hits(monitor.match(document(article[0], article[1], article[2]),
                                        HighlightsMatch.MATCHER), HighlightsMatch::getFields, HighlightsMatch::getHits);
                        Map<String, Map<String, List<HighlightsMatch.Hit>>> found =
                                hits(monitor.match(document(article[0], article[1], article[2]), matcher),
                                        WordHits::getFields, WordHits::getHits);
                        assertThat(found).as("matches and hits in '%s'", article[0]).isEqualTo(expected);
                        hits += expected.values().stream().mapToInt(f -> f.values().stream().mapToInt(List::size).sum()).sum();
                    }
                }
                assertThat(hits).as("hits compared").isGreaterThan(1000);
                assertThat(matcher.rewrittenCount()).isPositive();
            }
        }
    }

    /** Query id -> field -> hits, of Lucene's highlights or of {@link WordHits}. */
    private static <T extends QueryMatch> Map<String, Map<String, List<HighlightsMatch.Hit>>> hits(
            MatchingQueries<T> matches, Function<T, Set<String>> fields,
            BiFunction<T, String, Collection<HighlightsMatch.Hit>> hitsIn) {
        assertThat(matches.getErrors()).isEmpty();
        Map<String, Map<String, List<HighlightsMatch.Hit>>> hits = new TreeMap<>();
        for (T match : matches.getMatches()) {
            Map<String, List<HighlightsMatch.Hit>> byField = new TreeMap<>();
            for (String field : fields.apply(match)) {
                byField.put(field, List.copyOf(hitsIn.apply(match, field)));
            }
            hits.put(match.getQueryId(), byField);
        }
        return hits;
    }

    @Test
    void savedSearchesNotRunForFailedFiltersGiveTheSameResultsAsFilteringAfterwards() throws IOException {
        List<String[]> articles = articles();
        List<String> topics = List.of("blockade", "humanitarian-aid", "Health", "displacement");
        List<String> places = List.of("stepanakert", "lachin-corridor", "Goris");
        try (SubscriptionMatcher filtered = new SubscriptionMatcher();
             SubscriptionMatcher plain = new SubscriptionMatcher(reference())) {
            List<Subscription> subscriptions = new ArrayList<>();
            int n = 0;
            for (String query : savedSearches(articles)) {
                List<String> topicFilter = n % 3 == 0 ? List.of(topics.get(n % topics.size())) : List.of();
                List<String> placeFilter = n % 5 == 0 ? List.of(places.get(n % places.size())) : List.of();
                Subscription subscription = Subscription.of("s" + n++, "search", query, topicFilter, placeFilter,
                        "test", null, null);
                try {
                    // the reference has no filters: they are applied to its results below
                    plain.put(Subscription.of(subscription.id(), "search", query, null, null, "test", null, null));
                } catch (InvalidSubscriptionException e) {
                    continue;
                }
                subscriptions.add(subscription);
            }
            filtered.putAll(subscriptions); // at once
            Map<String, Subscription> byId = new java.util.HashMap<>();
            subscriptions.forEach(subscription -> byId.put(subscription.id(), subscription));
            assertThat(filtered.size()).isEqualTo(plain.size());
            int matched = 0;
            for (int i = 0; i < articles.size(); i++) {
                String[] article = articles.get(i);
                Set<String> articleTopics = Set.of(topics.get(i % topics.size()).toUpperCase());
                Set<String> articlePlaces = i % 2 == 0 ? Set.of(places.get(i % places.size())) : Set.of();
                List<SubscriptionMatch> expected = new ArrayList<>();
                for (SubscriptionMatch match : plain.match(article[0], article[1], article[2], Set.of(), Set.of())) {
                    Subscription subscription = byId.get(match.subscription().id());
                    if (passes(subscription.topics(), articleTopics) && passes(subscription.places(), articlePlaces)) {
                        expected.add(new SubscriptionMatch(subscription, match.matched()));
                    }
                }
                assertThat(filtered.match(article[0], article[1], article[2], articleTopics, articlePlaces))
                        .as("saved searches matching '%s'", article[0]).isEqualTo(expected);
                matched += expected.size();
            }
            assertThat(matched).isGreaterThan(300);
        }
    }

    private static boolean passes(List<String> filter, Set<String> values) {
        return filter.isEmpty() || filter.stream().anyMatch(f -> values.stream().anyMatch(v -> v.equalsIgnoreCase(f)));
    }

    @Test
    void topicRulesSplitIntoTermsMatchExactlyAsWholeRules() throws IOException {
        RuleCompiler split = new RuleCompiler(ANALYZER);
        RuleCompiler whole = new RuleCompiler(ANALYZER, false);
        List<CompiledRule> splitRules = new ArrayList<>();
        List<CompiledRule> wholeRules = new ArrayList<>();
        int splitCount = 0;
        for (TopicDefinition topic : new TaxonomyLoader().loadBundled().topics()) {
            for (CompiledRule rule : split.compile(topic)) {
                splitRules.add(rule);
                if (((org.apache.lucene.search.BooleanQuery) rule.query()).clauses().size() > 1) {
                    splitCount++;
                }
            }
            wholeRules.addAll(whole.compile(topic));
        }
        assertThat(splitCount).as("rules split into terms").isGreaterThan(10);
        try (RuleMonitor fast = new RuleMonitor(ANALYZER);
             RuleMonitor plain = new RuleMonitor(reference(), ANALYZER)) {
            fast.register(splitRules);
            plain.register(wholeRules);
            int spans = 0;
            for (String[] article : articles()) {
                Map<String, List<MatchSpan>> expected = new TreeMap<>();
                plain.match(article[0], article[1], article[2]).forEach(m -> expected.put(m.rule().id(), m.spans()));
                Map<String, List<MatchSpan>> actual = new TreeMap<>();
                fast.match(article[0], article[1], article[2]).forEach(m -> actual.put(m.rule().id(), m.spans()));
                assertThat(actual).as("rules matching '%s'", article[0]).isEqualTo(expected);
                spans += expected.values().stream().mapToInt(List::size).sum();
            }
            assertThat(spans).isGreaterThan(1000);
        }
    }

    @Test
    void aRuleIsSplitOnlyWhenNoTermCanMatchInsideAnother() {
        String taxonomy = """
                version: "t"
                topics:
                  - id: t
                    label: T
                    threshold: 1.0
                    rules:
                      - name: separate
                        kind: terms
                        terms: ["food aid", "cash transfer*", "гуманитарн* помощ*", "famine"]
                      - name: nested
                        kind: terms
                        terms: ["aid", "aid convoy*"]
                      - name: nested-prefix
                        kind: terms
                        terms: ["convoy", "conv*"]
                """;
        TopicDefinition topic = new TaxonomyLoader().parse(taxonomy, "test").topics().getFirst();
        List<CompiledRule> rules = new RuleCompiler(ANALYZER).compile(topic);
        // 3 terms with an exact word + one part for the prefix-only term
        assertThat(((org.apache.lucene.search.BooleanQuery) rules.get(0).query()).clauses()).hasSize(4);
        assertThat(((org.apache.lucene.search.BooleanQuery) rules.get(1).query()).clauses()).hasSize(1);
        assertThat(((org.apache.lucene.search.BooleanQuery) rules.get(2).query()).clauses()).hasSize(1);
        try (RuleMonitor monitor = new RuleMonitor(ANALYZER)) {
            monitor.register(rules);
            // the whole rule: the disjunction reports "aid", not the "aid convoy" around it
            List<RuleMatch> matches = monitor.match(null, null, "An aid convoy left.");
            assertThat(matches).extracting(m -> m.rule().id()).containsExactly("t.nested", "t.nested-prefix");
            assertThat(matches.getFirst().spans()).extracting(MatchSpan::start, MatchSpan::end)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 6));
        }
    }
}
