package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
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
 */
public final class NewsAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
