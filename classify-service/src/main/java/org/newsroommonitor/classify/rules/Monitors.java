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
 * Creates the Lucene {@link Monitor}s of the service (topic rules, saved searches), configured for speed without
 * changing what matches:
 *
 * <ul>
 *   <li>a stored query is indexed whole: the default {@link QueryDecomposer} would split a rule (one clause per
 *       field) or a saved search into several queries, each selected and run on its own;</li>
 *   <li>the presearcher ({@link TermFilteredPresearcher}) also filters on prefixes ({@link PrefixTerms}), so a
 *       query with {@code blockad*} runs only on articles with a word starting with {@code blocka}.</li>
 * </ul>
 */
public final class Monitors {

    private Monitors() {
    }

    public static Monitor create(Analyzer analyzer) {
        return create(analyzer, new TermFilteredPresearcher(TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                List.of(new PrefixTerms()), Set.of()));
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
