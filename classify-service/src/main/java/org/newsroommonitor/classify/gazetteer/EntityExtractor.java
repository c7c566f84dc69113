package org.newsroommonitor.classify.gazetteer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.rules.ArticleField;
import org.newsroommonitor.classify.rules.Monitors;
import org.newsroommonitor.classify.rules.NewsAnalyzer;
import org.newsroommonitor.classify.rules.Tokens;
import org.newsroommonitor.classify.rules.WordHits;
import org.newsroommonitor.classify.rules.WordHitsMatcher;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the places and organisations of a {@link Gazetteer} in an article with a Lucene {@link Monitor}: every
 * name, alias and acronym of every entry is one stored phrase query (the same {@link NewsAnalyzer} as the topic
 * rules, so case and Latin diacritics do not matter, and a trailing {@code *} matches inflected forms); each
 * article is matched once against all of them, and {@link WordHitsMatcher} gives where each name occurs (the
 * hits of Lucene's {@link HighlightsMatch}).
 *
 * <p>Then, per field, overlapping occurrences are resolved so that the longest match wins (most words, then most
 * characters, then the earliest): "Azerbaijan Red Crescent" counts for the society and not for the country,
 * "Lachin corridor" not for the town of Lachin. Acronyms only count when written without lower-case letters.
 * Every entry is listed once with the number of its occurrences.
 *
 * <p>Immutable after creation and thread-safe. Close it to release the monitor.
 */
public final class EntityExtractor implements AutoCloseable {

    /** Shortest prefix allowed before a trailing {@code *}. */
    public static final int MIN_PREFIX_LENGTH = 3;
    private static final int MAX_PREFIX_EXPANSIONS = 256;

    private final Gazetteer gazetteer;
    private final Monitor monitor;
    private final WordHitsMatcher matcher = new WordHitsMatcher();
    private final Map<String, NameQuery> queries;
    private final Analyzer analyzer;

    private EntityExtractor(Gazetteer gazetteer, Monitor monitor, Map<String, NameQuery> queries, Analyzer analyzer) {
        this.gazetteer = gazetteer;
        this.monitor = monitor;
        this.queries = queries;
        this.analyzer = analyzer;
    }

    /**
     * Registers every name of the gazetteer.
     *
     * @throws GazetteerException when a name has no word, a prefix is too short, or two entries share a name
     */
    public static EntityExtractor create(Gazetteer gazetteer) {
        try {
            return create(gazetteer, new Monitor(new NewsAnalyzer()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lucene monitor", e);
        }
    }

    /**
     * Registers every name of the gazetteer in the given (empty) monitor; names and articles are analyzed with
     * {@link NewsAnalyzer}. Tests compare monitor configurations with it.
     */
    public static EntityExtractor create(Gazetteer gazetteer, Monitor monitor) {
        Analyzer analyzer = new NewsAnalyzer();
        Map<String, NameQuery> queries = new LinkedHashMap<>();
        try {
            Map<String, String> owners = new HashMap<>(); // analyzed form -> entry id
            List<MonitorQuery> monitorQueries = new ArrayList<>();
            for (GazetteerPlace place : gazetteer.places()) {
                Entry entry = new Entry(Kind.PLACE, place.id(), place.name(), place, null);
                addNames(entry, place.name(), place.aliases(), place.acronyms(), analyzer, owners, queries,
                        monitorQueries);
            }
            for (GazetteerOrganisation organisation : gazetteer.organisations()) {
                Entry entry = new Entry(Kind.ORGANISATION, organisation.id(), organisation.name(), null, organisation);
                addNames(entry, organisation.name(), organisation.aliases(), organisation.acronyms(), analyzer, owners,
                        queries, monitorQueries);
            }
            try {
                monitor.register(monitorQueries);
            } catch (IOException | RuntimeException e) {
                throw new GazetteerException("cannot register the gazetteer's names: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            try {
                monitor.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
        return new EntityExtractor(gazetteer, monitor, Map.copyOf(queries), analyzer);
    }

    private static void addNames(Entry entry, String name, List<String> aliases, List<String> acronyms,
                                 Analyzer analyzer, Map<String, String> owners, Map<String, NameQuery> queries,
                                 List<MonitorQuery> monitorQueries) {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        List<Boolean> acronym = new ArrayList<>();
        names.forEach(n -> acronym.add(false));
        names.addAll(acronyms);
        acronyms.forEach(n -> acronym.add(true));
        Map<String, Boolean> forms = new LinkedHashMap<>(); // analyzed form -> acronym (false wins: it matches more)
        Map<String, List<Word>> words = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<Word> analyzed = analyze(names.get(i), analyzer, entry);
            String form = analyzed.toString();
            String owner = owners.putIfAbsent(form, entry.id());
            if (owner != null && !owner.equals(entry.id())) {
                throw new GazetteerException("gazetteer: '" + names.get(i) + "' of '" + entry.id()
                        + "' is also a name of '" + owner + "'; a name may belong to one entry only");
            }
            forms.merge(form, acronym.get(i), (a, b) -> a && b);
            words.putIfAbsent(form, analyzed);
        }
        int n = 0;
        for (Map.Entry<String, Boolean> form : forms.entrySet()) {
            String id = entry.kind().key + ":" + entry.id() + "#" + n++;
            List<Word> analyzed = words.get(form.getKey());
            queries.put(id, new NameQuery(entry, analyzed.size(), form.getValue()));
            monitorQueries.add(new MonitorQuery(id, query(analyzed), form.getKey(), Map.of()));
        }
    }

    private record Word(String token, boolean prefix) {
        @Override
        public String toString() {
            return prefix ? token + "*" : token;
        }
    }

    private static List<Word> analyze(String name, Analyzer analyzer, Entry entry) {
        List<Word> result = new ArrayList<>();
        for (String word : name.strip().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            List<String> tokens = Tokens.of(analyzer, prefix ? word.substring(0, word.length() - 1) : word);
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = prefix && i == tokens.size() - 1;
                if (last && tokens.get(i).codePointCount(0, tokens.get(i).length()) < MIN_PREFIX_LENGTH) {
                    throw new GazetteerException("gazetteer: '" + entry.id() + "': prefix '" + word + "' in '" + name
                            + "' is too short (at least " + MIN_PREFIX_LENGTH + " letters before '*')");
                }
                result.add(new Word(tokens.get(i), last));
            }
        }
        if (result.isEmpty()) {
            throw new GazetteerException("gazetteer: '" + entry.id() + "': name '" + name + "' contains no word");
        }
        return result;
    }


    private static Query query(List<Word> words) {
        List<IntervalsSource> sources = new ArrayList<>(words.size());
        for (Word word : words) {
            sources.add(word.prefix() ? Intervals.prefix(new BytesRef(word.token()), MAX_PREFIX_EXPANSIONS)
                    : Intervals.term(word.token()));
        }
        IntervalsSource source = sources.size() == 1 ? sources.getFirst()
                : Intervals.phrase(sources.toArray(IntervalsSource[]::new));
        return new IntervalQuery(ArticleDocument.FIELD, source);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Number of names (stored queries) registered. */
    public int nameCount() {
        return queries.size();
    }

    /** The places and organisations named in an article; any field may be null. */
    public Entities extract(String title, String summary, String text) {
        return extract(new ArticleDocument(title, summary, text));
    }

    /** The places and organisations named in an article. */
    public Entities extract(ArticleDocument article) {
        MatchingQueries<WordHits> matches;
        try {
            matches = monitor.match(article.luceneDocument(analyzer), matcher);
        } catch (IOException e) {
            throw new UncheckedIOException("matching the article against the gazetteer failed", e);
        }
        List<Occurrence> candidates = new ArrayList<>();
        for (WordHits match : matches.getMatches()) {
            NameQuery name = queries.get(match.getQueryId());
            if (name == null) {
                continue;
            }
            occurrences(name, match.getHits(ArticleDocument.FIELD), article, candidates);
        }
        return count(longestFirst(candidates));
    }

    /**
     * Cuts the word hits of one name into occurrences of {@code words} consecutive positions (never across fields:
     * their positions are far apart).
     */
    private static void occurrences(NameQuery name, Iterable<HighlightsMatch.Hit> hits, ArticleDocument article,
                                    List<Occurrence> out) {
        List<HighlightsMatch.Hit> sorted = new ArrayList<>();
        hits.forEach(sorted::add);
        sorted.sort(Comparator.naturalOrder());
        int i = 0;
        while (i < sorted.size()) {
            HighlightsMatch.Hit first = sorted.get(i);
            int lastPosition = first.startPosition() + name.words() - 1;
            HighlightsMatch.Hit last = first;
            int j = i;
            while (j < sorted.size() && sorted.get(j).startPosition() <= lastPosition) {
                if (sorted.get(j).endOffset() > last.endOffset()) {
                    last = sorted.get(j);
                }
                j++;
            }
            i = j;
            if (first.startOffset() < 0 || last.endOffset() < 0 || last.endPosition() != lastPosition) {
                continue; // no offsets, or not a complete occurrence
            }
            ArticleField field = article.fieldAt(first.startOffset());
            int start = article.fieldOffset(field, first.startOffset());
            int end = article.fieldOffset(field, last.endOffset());
            String written = article.value(field).substring(start, end);
            if (name.acronym() && written.codePoints().anyMatch(Character::isLowerCase)) {
                continue; // "who" is not the WHO
            }
            out.add(new Occurrence(name.entry(), field, first.startPosition(), lastPosition, start, end));
        }
    }

    /** Keeps, per field, the longest of overlapping occurrences. */
    private static List<Occurrence> longestFirst(List<Occurrence> candidates) {
        candidates.sort(Comparator.comparingInt((Occurrence o) -> o.endPosition() - o.startPosition()).reversed()
                .thenComparing(Comparator.comparingInt((Occurrence o) -> o.end() - o.start()).reversed())
                .thenComparing(Occurrence::field)
                .thenComparingInt(Occurrence::start)
                .thenComparing(o -> o.entry().id()));
        Map<ArticleField, BitSet> taken = new EnumMap<>(ArticleField.class);
        List<Occurrence> kept = new ArrayList<>();
        for (Occurrence occurrence : candidates) {
            BitSet positions = taken.computeIfAbsent(occurrence.field(), f -> new BitSet());
            int next = positions.nextSetBit(occurrence.startPosition());
            if (next >= 0 && next <= occurrence.endPosition()) {
                continue;
            }
            positions.set(occurrence.startPosition(), occurrence.endPosition() + 1);
            kept.add(occurrence);
        }
        return kept;
    }

    private static Entities count(List<Occurrence> occurrences) {
        occurrences.sort(Comparator.comparing(Occurrence::field).thenComparingInt(Occurrence::start));
        Map<Entry, Integer> counts = new LinkedHashMap<>(); // first named first
        for (Occurrence occurrence : occurrences) {
            counts.merge(occurrence.entry(), 1, Integer::sum);
        }
        List<Map.Entry<Entry, Integer>> ordered = new ArrayList<>(counts.entrySet());
        // stable sort: equal counts keep first-named-first order
        ordered.sort(Map.Entry.<Entry, Integer>comparingByValue().reversed());
        List<Place> places = new ArrayList<>();
        List<Organisation> organisations = new ArrayList<>();
        for (Map.Entry<Entry, Integer> counted : ordered) {
            Entry entry = counted.getKey();
            if (entry.kind() == Kind.PLACE) {
                GazetteerPlace place = entry.place();
                places.add(new Place(place.id(), place.name(), place.country(), place.lat(), place.lon(),
                        counted.getValue()));
            } else {
                organisations.add(new Organisation(entry.id(), entry.name(), counted.getValue()));
            }
        }
        return new Entities(places, organisations);
    }

    @Override
    public void close() {
        Monitors.close(monitor);
    }

    private enum Kind {
        PLACE("place"), ORGANISATION("org");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private record Entry(Kind kind, String id, String name, GazetteerPlace place, GazetteerOrganisation organisation) {
    }

    private record NameQuery(Entry entry, int words, boolean acronym) {
    }

    private record Occurrence(Entry entry, ArticleField field, int startPosition, int endPosition, int start, int end) {
    }
}
