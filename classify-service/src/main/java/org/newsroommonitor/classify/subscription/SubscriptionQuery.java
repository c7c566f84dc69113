package org.newsroommonitor.classify.subscription;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.newsroommonitor.classify.rules.ArticleField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a saved search's query (the search API's {@code q} syntax) into a Lucene query over the article fields
 * {@code title}, {@code summary} and {@code text}, analyzed like the articles.
 *
 * <p>The upper-case words {@code AND}, {@code OR} and {@code NOT} standing alone outside quotes become
 * {@code +}, {@code |} and {@code -} ({@code NOT} glued to what follows), then Lucene's {@link SimpleQueryParser}
 * reads the result with AND as the default operator and every operator but fuzzy ({@code ~N}) and phrase slop: as
 * in SimpleQueryParser, operators apply left to right and parentheses group. Like the search API, a query is
 * refused when a quote or a parenthesis is not closed, a prefix has fewer than {@value #MIN_PREFIX_LENGTH}
 * letters or digits, or nothing is left to search for.
 */
public final class SubscriptionQuery {

    public static final int MIN_PREFIX_LENGTH = 2;
    public static final int MAX_LENGTH = 1000;
    /** The SimpleQueryParser operators in use: all but FUZZY and NEAR. */
    public static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private static final Map<String, Float> FIELDS;

    static {
        Map<String, Float> fields = new LinkedHashMap<>();
        for (ArticleField field : ArticleField.ALL) {
            fields.put(field.fieldName(), 1f);
        }
        FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    private final Analyzer analyzer;

    public SubscriptionQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @throws InvalidSubscriptionException saying what is wrong with the query */
    public Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidSubscriptionException("the query is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new InvalidSubscriptionException("the query is longer than " + MAX_LENGTH + " characters");
        }
        checkBalance(query);
        Parser parser = new Parser(analyzer);
        Query parsed = parser.parse(translate(query));
        if (parser.shortPrefix != null) {
            throw new InvalidSubscriptionException("'" + parser.shortPrefix + "*' is too short a prefix: put at least "
                    + MIN_PREFIX_LENGTH + " letters or digits before the *");
        }
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            throw new InvalidSubscriptionException("the query has no words to search for");
        }
        return parsed;
    }

    /** AND / OR / NOT standing alone outside quotes become + / | / - (NOT glued to what follows). */
    public static String translate(String query) {
        StringBuilder out = new StringBuilder(query.length());
        boolean inPhrase = false;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\') {
                out.append(c);
                if (i + 1 < query.length()) {
                    out.append(query.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                inPhrase = !inPhrase;
            } else if (!inPhrase && (i == 0 || isBoundary(query.charAt(i - 1)))) {
                String word = operatorAt(query, i);
                if (word != null) {
                    i += word.length();
                    switch (word) {
                        case "AND" -> out.append('+');
                        case "OR" -> out.append('|');
                        default -> {
                            out.append('-');
                            while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
                                i++;
                            }
                        }
                    }
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String operatorAt(String query, int i) {
        for (String word : List.of("AND", "OR", "NOT")) {
            int end = i + word.length();
            if (query.startsWith(word, i) && (end == query.length() || isBoundary(query.charAt(end)))) {
                return word;
            }
        }
        return null;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '|' || c == '+' || c == '"';
    }

    private static void checkBalance(String query) {
        boolean inPhrase = false;
        int depth = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inPhrase = !inPhrase;
            } else if (!inPhrase && c == '(') {
                depth++;
            } else if (!inPhrase && c == ')') {
                if (--depth < 0) {
                    throw new InvalidSubscriptionException("the ')' at position " + (i + 1) + " has no matching '('");
                }
            }
        }
        if (inPhrase) {
            throw new InvalidSubscriptionException("a quote (\") is never closed");
        }
        if (depth > 0) {
            throw new InvalidSubscriptionException("a '(' is never closed");
        }
    }

    private static final class Parser extends SimpleQueryParser {

        String shortPrefix;

        Parser(Analyzer analyzer) {
            super(analyzer, FIELDS, FLAGS);
            setDefaultOperator(BooleanClause.Occur.MUST);
        }

        @Override
        protected Query newPrefixQuery(String text) {
            if (text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_PREFIX_LENGTH && shortPrefix == null) {
                shortPrefix = text;
            }
            return super.newPrefixQuery(text);
        }
    }
}
