package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analyzer used for both the rules and the articles, so that a term in the taxonomy and the same word in
 * an article always give the same token. It is language-neutral: Unicode word segmentation (UAX#29, handles
 * Latin, Cyrillic, Armenian, ...), English possessives removed ({@code Karabakh's} -> {@code karabakh}), lower
 * case, and Latin letters folded to ASCII ({@code yardım} -> {@code yardim}, {@code Laçın} -> {@code lacin}).
 * There is no stemming and no stop-word list: word forms are written in the rules (or matched with a trailing
 * {@code *}), which keeps matches exact and explainable. Offsets always point into the original text.
 *
 * <p>{@link #forTopics()} also splits words joined in one token at case changes, digits and underscores, as in
 * hashtags and handles ({@code #ReliefForNepal}: {@code relief for nepal}; {@code @American_Red_Cross}:
 * {@code american red cross}), so that topic rules match the words of real short messages. Saved searches use the
 * plain analyzer: they must find what the same query finds in the search index, which does not split.
 */
public final class NewsAnalyzer extends Analyzer {

    private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final boolean splitJoinedWords;

    /** The plain analyzer (saved searches, the gazetteer). */
    public NewsAnalyzer() {
        this(false);
    }

    private NewsAnalyzer(boolean splitJoinedWords) {
        this.splitJoinedWords = splitJoinedWords;
    }

    /** The analyzer of the topic rules and of the articles they are matched against: joined words split. */
    public static NewsAnalyzer forTopics() {
        return new NewsAnalyzer(true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = splitJoinedWords ? new WordDelimiterGraphFilter(tokenizer, true,
                WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_PARTS, null) : tokenizer;
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
