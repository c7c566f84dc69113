package org.newsroommonitor.classify.rules;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct words of the article a Monitor is matching (the terms of {@link ArticleDocument#FIELD} in its
 * one-document index), read once per article so that a rule can ask cheaply which of its words are there.
 */
public final class ArticleTerms {

    /**
     * Sorted (by {@link String#compareTo}), without duplicates. Strings, not the index's bytes: a rule's words are
     * strings whose hash is computed once, where a {@link BytesRef} hashes its bytes on every look-up.
     */
    private final String[] sorted;
    private final Set<String> all;

    private ArticleTerms(String[] sorted) {
        this.sorted = sorted;
        this.all = new HashSet<>(Arrays.asList(sorted));
    }

    /** The words of {@link ArticleDocument#FIELD} in the reader (every document of it together). */
    public static ArticleTerms of(IndexReader reader) {
        List<String> terms = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms field = leaf.reader().terms(ArticleDocument.FIELD);
                if (field == null) {
                    continue;
                }
                TermsEnum iterator = field.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    terms.add(term.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the article's words", e);
        }
        String[] sorted = terms.stream().sorted().distinct().toArray(String[]::new);
        return new ArticleTerms(sorted);
    }

    public int size() {
        return sorted.length;
    }

    /** Whether the article has the word. */
    public boolean contains(String word) {
        return all.contains(word);
    }

    /** Whether some word of the article starts with {@code prefix}. */
    public boolean hasPrefix(String prefix) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) { // the first word not below the prefix
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(prefix) < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low < sorted.length && sorted[low].startsWith(prefix);
    }
}
