package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Creates the Lucene {@link Monitor} of the saved searches, configured for many queries without changing what
 * matches:
 *
 * <ul>
 *   <li>a stored query is indexed whole: the default {@link QueryDecomposer} would split a saved search with a
 *       top-level OR into several queries, each selected and run on its own;</li>
 *   <li>the presearcher also filters on prefixes ({@link PrefixTerms}), so a search with {@code blockad*} runs
 *       only on articles with a word starting with {@code blocka}.</li>
 * </ul>
 *
 * The topic rules' monitor ({@link #createForRules}) keeps Lucene's default decomposition (a terms rule is split
 * into its parts), filters on the rules' interval prefixes the same way, so a proximity rule or the prefix-only
 * part of a terms rule runs only on articles with a word starting with (the cut of) one of its prefixes instead of
 * on every article, and is multipass too, so a proximity rule runs only when the article has a word of each side.
 * The gazetteer has no prefixes and keeps Lucene's default monitor.
 */
public final class Monitors {

    private Monitors() {
    }

    /**
     * A monitor for many queries of several required words (saved searches): a
     * {@link MultipassTermFilteredPresearcher} selects a query only when the article has a word of each of two of
     * its required parts, not just one.
     */
    public static Monitor createMultipass(Analyzer analyzer) {
        return create(analyzer, new MultipassTermFilteredPresearcher(2, 0, TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                List.of(new PrefixTerms()), Set.of()));
    }

    /** A monitor for the topic rules: Lucene's default decomposer, multipass presearcher with prefix filtering. */
    public static Monitor createForRules(Analyzer analyzer) {
        return create(analyzer, new MultipassTermFilteredPresearcher(2, 0, TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                List.of(new PrefixTerms()), Set.of()), new MonitorConfiguration());
    }

    private static Monitor create(Analyzer analyzer, TermFilteredPresearcher presearcher) {
        return create(analyzer, presearcher, new MonitorConfiguration().setQueryDecomposer(new WholeQuery()));
    }

    private static Monitor create(Analyzer analyzer, TermFilteredPresearcher presearcher,
                                  MonitorConfiguration configuration) {
        try {
            return new Monitor(analyzer, presearcher, configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lucene monitor", e);
        }
    }

    /** Closes a monitor (and its purge thread); an I/O error is thrown unchecked. */
    public static void close(Monitor monitor) {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Lucene monitor", e);
        }
    }

    /** Does not split queries. */
    private static final class WholeQuery extends QueryDecomposer {
        @Override
        public Set<Query> decompose(Query query) {
            return Set.of(query);
        }
    }
}
