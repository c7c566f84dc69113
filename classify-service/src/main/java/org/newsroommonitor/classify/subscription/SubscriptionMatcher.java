package org.newsroommonitor.classify.subscription;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.rules.MatchSpan;
import org.newsroommonitor.classify.rules.Monitors;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.RuleMonitor;
import org.newsroommonitor.classify.rules.WordHits;
import org.newsroommonitor.classify.rules.WordHitsMatcher;
import org.newsroommonitor.messages.Subscription;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved searches in force, each a stored query of its own Lucene {@link Monitor} (separate from the topic
 * rules, so a taxonomy reload leaves them alone). Each article is matched once against all of them; the topic and
 * place filters of a saved search are applied to the queries that matched.
 *
 * <p>Thread-safe: saved searches may be added, replaced and removed while articles are matched.
 */
public final class SubscriptionMatcher implements Closeable {

    /**
     * Saved searches registered per update of the query index: the monitor holds the presearcher terms of a whole
     * update in memory (tens of kilobytes per query), so 10,000 at once would need more than a gigabyte.
     */
    static final int REGISTER_BATCH = 500;

    private final Monitor monitor;
    private final Analyzer analyzer;
    private final WordHitsMatcher matcher = new WordHitsMatcher();
    private final SubscriptionQuery parser;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    public SubscriptionMatcher() {
        this(Monitors.createMultipass(new NewsAnalyzer()));
    }

    /** Saved searches in the given (empty) monitor; articles and queries are analyzed with {@link NewsAnalyzer}. */
    public SubscriptionMatcher(Monitor monitor) {
        this.analyzer = new NewsAnalyzer();
        this.parser = new SubscriptionQuery(analyzer);
        this.monitor = monitor;
    }

    /**
     * Adds a saved search, or replaces the one with its id.
     *
     * @throws InvalidSubscriptionException when it has no id or its query cannot be used; a saved search of the
     *                                      same id stays as it was
     */
    public void put(Subscription subscription) {
        putAll(List.of(subscription));
    }

    /**
     * Adds or replaces many saved searches at once (at start-up): one update of the monitor's query index per
     * {@value #REGISTER_BATCH} searches instead of one per search. Of several with one id, the last counts. If
     * registering fails part-way (I/O), the batches registered before stay in force.
     *
     * @throws InvalidSubscriptionException naming the first saved search that has no id or whose query cannot be
     *                                      used; then none is added
     */
    public void putAll(Collection<Subscription> added) {
        Map<String, Subscription> byId = new LinkedHashMap<>();
        Map<String, MonitorQuery> queries = new LinkedHashMap<>();
        for (Subscription subscription : added) {
            if (subscription.id() == null || subscription.id().isBlank()) {
                throw new InvalidSubscriptionException("the subscription has no id");
            }
            Query query;
            try {
                query = parser.parse(subscription.query());
            } catch (InvalidSubscriptionException e) {
                if (added.size() == 1) {
                    throw e;
                }
                throw new InvalidSubscriptionException("saved search " + subscription.id() + ": " + e.getMessage());
            }
            byId.put(subscription.id(), subscription);
            queries.put(subscription.id(), new MonitorQuery(subscription.id(), query, subscription.query(), Map.of()));
        }
        if (queries.isEmpty()) {
            return;
        }
        List<MonitorQuery> all = List.copyOf(queries.values());
        try {
            for (int from = 0; from < all.size(); from += REGISTER_BATCH) {
                List<MonitorQuery> batch = all.subList(from, Math.min(all.size(), from + REGISTER_BATCH));
                monitor.register(batch);
                for (MonitorQuery query : batch) {
                    subscriptions.put(query.getId(), byId.get(query.getId()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register saved searches", e);
        } finally {
            matcher.forget();
        }
    }

    /**
     * Checks that a saved search could be added, without adding it.
     *
     * @throws InvalidSubscriptionException when it has no id or its query cannot be used
     */
    public void check(Subscription subscription) {
        if (subscription.id() == null || subscription.id().isBlank()) {
            throw new InvalidSubscriptionException("the subscription has no id");
        }
        parser.parse(subscription.query());
    }

    /** Removes a saved search; true when there was one. */
    public boolean remove(String id) {
        Subscription removed = subscriptions.remove(id);
        try {
            monitor.deleteById(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete saved search " + id, e);
        } finally {
            matcher.forget();
        }
        return removed != null;
    }

    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    public Collection<Subscription> all() {
        return List.copyOf(subscriptions.values());
    }

    public int size() {
        return subscriptions.size();
    }

    /**
     * The saved searches an article matches, by subscription id. A saved search whose topic or place filter the
     * article fails is not run at all; with no saved searches the article is not analyzed for them either.
     *
     * @param topics the article's topic ids
     * @param places the article's place ids
     */
    public List<SubscriptionMatch> match(String title, String summary, String text, Set<String> topics,
                                         Set<String> places) {
        return match(new ArticleDocument(title, summary, text), topics, places);
    }

    /** As {@link #match(String, String, String, Set, Set)}. */
    public List<SubscriptionMatch> match(ArticleDocument article, Set<String> topics, Set<String> places) {
        if (subscriptions.isEmpty()) {
            return List.of();
        }
        Set<String> topicIds = lowerCase(topics);
        Set<String> placeIds = lowerCase(places);
        MatchingQueries<WordHits> matches;
        try {
            matches = monitor.match(article.luceneDocument(analyzer), matcher.only(id -> {
                Subscription subscription = subscriptions.get(id);
                return subscription != null && passes(subscription.topics(), topicIds)
                        && passes(subscription.places(), placeIds);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("matching the article against the saved searches failed", e);
        }
        List<SubscriptionMatch> result = new ArrayList<>();
        for (WordHits match : matches.getMatches()) {
            Subscription subscription = subscriptions.get(match.getQueryId());
            if (subscription == null || !passes(subscription.topics(), topicIds)
                    || !passes(subscription.places(), placeIds)) {
                continue; // replaced since it was selected
            }
            Set<String> matched = new LinkedHashSet<>();
            for (MatchSpan span : RuleMonitor.spans(article, match, 0)) {
                matched.add(article.value(span.field()).substring(span.start(), span.end()));
            }
            result.add(new SubscriptionMatch(subscription, List.copyOf(matched)));
        }
        result.sort(Comparator.comparing(m -> m.subscription().id()));
        return result;
    }

    /** No filter, or the article has one of the filter's values (ids compared ignoring case). */
    private static boolean passes(List<String> filter, Set<String> lowerCaseValues) {
        if (filter.isEmpty()) {
            return true;
        }
        for (String wanted : filter) {
            if (lowerCaseValues.contains(wanted.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> lower = new HashSet<>(values.size() * 2);
        for (String value : values) {
            lower.add(value.toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    @Override
    public void close() {
        Monitors.close(monitor);
    }
}
