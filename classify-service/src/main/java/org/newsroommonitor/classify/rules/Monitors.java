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
 * (Tried for the topic rules and the gazetteer too: on the benchmark's articles, which hold many words of the
 * rules, nearly every rule is selected anyway and the extra prefix terms cost more than they save; they keep
 * Lucene's default monitor. See docs/BENCHMARKS.md.)
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

    private static Monitor create(Analyzer analyzer, TermFilteredPresearcher presearcher) {
        MonitorConfiguration configuration = new MonitorConfiguration().setQueryDecomposer(new WholeQuery());
        try {
            return new Monitor(analyzer, presearcher, configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lucene monitor", e);
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
