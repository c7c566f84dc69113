package org.newsroommonitor.classify.subscription;

import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.rules.ArticleField;
import org.newsroommonitor.classify.rules.MatchSpan;
import org.newsroommonitor.classify.rules.Monitors;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.RuleMonitor;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
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

    private final Monitor monitor;
    private final SubscriptionQuery parser;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    public SubscriptionMatcher() {
        this(Monitors.createMultipass(new NewsAnalyzer()));
    }

    /** Saved searches in the given (empty) monitor, which must analyze with {@link NewsAnalyzer}; for tests. */
    public SubscriptionMatcher(Monitor monitor) {
        this.parser = new SubscriptionQuery(new NewsAnalyzer());
        this.monitor = monitor;
    }

    /**
     * Adds a saved search, or replaces the one with its id.
     *
     * @throws InvalidSubscriptionException when it has no id or its query cannot be used; a saved search of the
     *                                      same id stays as it was
     */
    public void put(Subscription subscription) {
        if (subscription.id() == null || subscription.id().isBlank()) {
            throw new InvalidSubscriptionException("the subscription has no id");
        }
        Query query = parser.parse(subscription.query());
        try {
            monitor.register(new MonitorQuery(subscription.id(), query, subscription.query(), Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register saved search " + subscription.id(), e);
        }
        subscriptions.put(subscription.id(), subscription);
    }

    /** Removes a saved search; true when there was one. */
    public boolean remove(String id) {
        Subscription removed = subscriptions.remove(id);
        try {
            monitor.deleteById(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete saved search " + id, e);
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
     * The saved searches an article matches, by subscription id.
     *
     * @param topics the article's topic ids
     * @param places the article's place ids
     */
    public List<SubscriptionMatch> match(String title, String summary, String text, Set<String> topics,
                                         Set<String> places) {
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(RuleMonitor.document(title, summary, text), HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching the article against the saved searches failed", e);
        }
        Map<ArticleField, String> values = new EnumMap<>(ArticleField.class);
        values.put(ArticleField.TITLE, title == null ? "" : title);
        values.put(ArticleField.SUMMARY, summary == null ? "" : summary);
        values.put(ArticleField.TEXT, text == null ? "" : text);
        List<SubscriptionMatch> result = new ArrayList<>();
        for (HighlightsMatch match : matches.getMatches()) {
            Subscription subscription = subscriptions.get(match.getQueryId());
            if (subscription == null || !passes(subscription.topics(), topics) || !passes(subscription.places(), places)) {
                continue;
            }
            Set<String> matched = new LinkedHashSet<>();
            for (MatchSpan span : RuleMonitor.spans(match, 0)) {
                matched.add(values.get(span.field()).substring(span.start(), span.end()));
            }
            result.add(new SubscriptionMatch(subscription, List.copyOf(matched)));
        }
        result.sort(Comparator.comparing(m -> m.subscription().id()));
        return result;
    }

    /** No filter, or the article has one of the filter's values (ids compared ignoring case). */
    private static boolean passes(List<String> filter, Set<String> values) {
        if (filter.isEmpty()) {
            return true;
        }
        for (String wanted : filter) {
            for (String value : values) {
                if (value.toLowerCase(Locale.ROOT).equals(wanted.strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
