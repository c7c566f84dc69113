package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The text of an article as the Monitors see it: title, summary and text in ONE Lucene field, {@value #FIELD}, so
 * that every word of the article is analyzed, indexed and looked up by a presearcher once, and every rule, name
 * and saved search is one query over one field instead of one per article field.
 *
 * <p>The fields are joined with a blank line (a word break) in the order of {@link ArticleField}, and each field's
 * first word is {@value #POSITION_GAP} positions after the previous field's last word, so a phrase or a proximity
 * match never spans two fields (a rule's {@code within} is at most {@link #MAX_WITHIN}). Offsets of hits point into
 * the joined text; {@link #fieldAt} and {@link #fieldOffset} map them back to a field and an offset in it.
 */
public final class ArticleDocument {

    /** The one indexed field. */
    public static final String FIELD = "article";
    /** Positions between the last word of a field and the first word of the next. */
    public static final int POSITION_GAP = 1000;
    /** Largest number of words a proximity may allow between its two sides; well below {@link #POSITION_GAP}. */
    public static final int MAX_WITHIN = 100;

    private static final String SEPARATOR = "\n\n";

    private final Map<ArticleField, String> values = new EnumMap<>(ArticleField.class);
    private final String joined;
    /** Offset in {@link #joined} where each field (by ordinal) starts. */
    private final int[] starts = new int[ArticleField.ALL.size()];

    /** An article; any field may be null (empty). */
    public ArticleDocument(String title, String summary, String text) {
        values.put(ArticleField.TITLE, title == null ? "" : title);
        values.put(ArticleField.SUMMARY, summary == null ? "" : summary);
        values.put(ArticleField.TEXT, text == null ? "" : text);
        StringBuilder builder = new StringBuilder();
        for (ArticleField field : ArticleField.ALL) {
            if (field.ordinal() > 0) {
                builder.append(SEPARATOR);
            }
            starts[field.ordinal()] = builder.length();
            builder.append(values.get(field));
        }
        joined = builder.toString();
    }

    /** The value of a field ("" when it was null). */
    public String value(ArticleField field) {
        return values.get(field);
    }

    /** The field that the offset {@code offset} of the joined text is in. */
    public ArticleField fieldAt(int offset) {
        for (int i = starts.length - 1; i > 0; i--) {
            if (offset >= starts[i]) {
                return ArticleField.ALL.get(i);
            }
        }
        return ArticleField.TITLE;
    }

    /** The offset in its field of the offset {@code offset} of the joined text. */
    public int fieldOffset(ArticleField field, int offset) {
        return offset - starts[field.ordinal()];
    }

    /**
     * The Lucene document of the article, analyzed with {@code analyzer}: one field {@value #FIELD}. A document is
     * read once (its token stream is consumed when a Monitor indexes it): build one per match.
     */
    public Document luceneDocument(Analyzer analyzer) {
        Document document = new Document();
        document.add(new Field(FIELD, new FieldGaps(analyzer.tokenStream(FIELD, joined), starts),
                TextField.TYPE_NOT_STORED));
        return document;
    }

    /** Adds {@link #POSITION_GAP} to the position increment of the first word after each field boundary. */
    private static final class FieldGaps extends TokenFilter {

        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increments = addAttribute(PositionIncrementAttribute.class);
        private final int[] starts;
        private int nextField;

        FieldGaps(TokenStream input, int[] starts) {
            super(input);
            this.starts = starts;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int gaps = 0;
            while (nextField < starts.length && offsets.startOffset() >= starts[nextField]) {
                if (nextField > 0) {
                    gaps++;
                }
                nextField++;
            }
            if (gaps > 0) {
                increments.setPositionIncrement(increments.getPositionIncrement() + gaps * POSITION_GAP);
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            nextField = 0;
        }
    }
}
