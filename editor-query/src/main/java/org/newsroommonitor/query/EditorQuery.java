package org.newsroommonitor.query;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The query syntax editors type into the search box (and store in saved searches), parsed into a safe form.
 *
 * <p>The syntax is Lucene's {@link SimpleQueryParser} with the flags {@link #FLAGS} (every operator except fuzzy
 * {@code ~N} and phrase slop {@code "..."~N}) and the default operator AND, after one translation step: the upper-case
 * words {@code AND}, {@code OR} and {@code NOT}, standing alone outside quotes, become {@code +}, {@code |} and
 * {@code -} ({@code NOT} and the white space after it become a {@code -} glued to what follows). Like
 * SimpleQueryParser, operators have no precedence: they apply left to right ({@code a OR b c} is
 * {@code (a OR b) AND c}); parentheses group.
 *
 * <p>Unlike SimpleQueryParser, which silently ignores what it cannot use, a query is refused
 * ({@link InvalidQueryException}) when it has an unclosed quote, unbalanced parentheses, parentheses nested deeper
 * than {@link Limits#maxDepth()}, more than {@link Limits#maxTerms()} words/phrases/prefixes, a prefix with fewer
 * than {@link Limits#minPrefixLength()} letters or digits before the {@code *}, or nothing to search for. A word
 * with no letter or digit (e.g. {@code &&}) is ignored. Control characters count as white space. A lone {@code *}
 * matches everything.
 *
 * <p>The parsed tree is rendered back as a {@link #normalized()} SimpleQueryParser string, fully parenthesised and
 * escaped, which Elasticsearch's {@code simple_query_string} (the same parser, flags {@link #ES_FLAGS}) reads into
 * the same tree.
 */
public final class EditorQuery {

    /** The SimpleQueryParser operators in use: all but FUZZY and NEAR. */
    public static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;
    /** The same flags as Elasticsearch's {@code simple_query_string} names them. */
    public static final String ES_FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|ESCAPE|WHITESPACE";

    /** Bounds on what an editor may type. */
    public record Limits(int maxLength, int maxTerms, int maxDepth, int minPrefixLength) {
        public static final Limits DEFAULT = new Limits(1000, 64, 8, 2);
    }

    /** A node of the parsed query. */
    public sealed interface Node permits Term, Phrase, Prefix, Not, And, Or {
    }

    public record Term(String text) implements Node {
    }

    public record Phrase(String text) implements Node {
    }

    public record Prefix(String text) implements Node {
    }

    public record Not(Node negated) implements Node {
    }

    public record And(List<Node> clauses) implements Node {
    }

    public record Or(List<Node> clauses) implements Node {
    }

    private final String input;
    private final Node root;
    private final String normalized;

    private EditorQuery(String input, Node root, String normalized) {
        this.input = input;
        this.root = root;
        this.normalized = normalized;
    }

    public static EditorQuery parse(String input) {
        return parse(input, Limits.DEFAULT);
    }

    /** @throws InvalidQueryException with an explanation for the editor */
    public static EditorQuery parse(String input, Limits limits) {
        if (input == null || input.isBlank()) {
            throw new InvalidQueryException("the query is empty");
        }
        if (input.length() > limits.maxLength()) {
            throw new InvalidQueryException("the query is longer than " + limits.maxLength() + " characters");
        }
        String cleaned = withoutControlCharacters(input);
        checkBalance(cleaned, limits.maxDepth());
        String translated = translateWords(cleaned);
        Query parsed = new Parser(limits.minPrefixLength()).parse(translated);
        if (parsed instanceof MatchAllDocsQuery) {
            return new EditorQuery(input, null, "*");
        }
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            throw new InvalidQueryException("the query has no words to search for (a word needs a letter or a digit)");
        }
        Node root = convert(parsed);
        int terms = countTerms(root);
        if (terms > limits.maxTerms()) {
            throw new InvalidQueryException("the query has " + terms + " words, phrases and prefixes; at most "
                    + limits.maxTerms() + " are allowed");
        }
        return new EditorQuery(input, root, render(root, true));
    }

    /** The query as the editor typed it. */
    public String input() {
        return input;
    }

    /** True for {@code *}: every article. */
    public boolean matchesAll() {
        return root == null;
    }

    /** The parsed tree, or null when the query {@link #matchesAll()}. */
    public Node root() {
        return root;
    }

    /** The query in SimpleQueryParser syntax, fully parenthesised and escaped; {@code *} for everything. */
    public String normalized() {
        return normalized;
    }

    @Override
    public String toString() {
        return normalized;
    }

    // --- steps --------------------------------------------------------------------------------------------------

    static String withoutControlCharacters(String input) {
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    /** Quotes must pair up, parentheses (outside quotes) must balance and nest at most {@code maxDepth} deep. */
    static void checkBalance(String query, int maxDepth) {
        boolean inPhrase = false;
        int phraseStart = -1;
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                inPhrase = !inPhrase;
                phraseStart = i;
            } else if (!inPhrase && c == '(') {
                open.add(i);
                if (open.size() > maxDepth) {
                    throw new InvalidQueryException("parentheses are nested more than " + maxDepth + " deep");
                }
            } else if (!inPhrase && c == ')') {
                if (open.isEmpty()) {
                    throw new InvalidQueryException("the ')' at position " + (i + 1) + " has no matching '('");
                }
                open.removeLast();
            }
        }
        if (inPhrase) {
            throw new InvalidQueryException("the quote (\") at position " + (phraseStart + 1)
                    + " is never closed; close it, or write \\\" to search for a quote");
        }
        if (!open.isEmpty()) {
            throw new InvalidQueryException("the '(' at position " + (open.getLast() + 1) + " is never closed");
        }
    }

    /** AND / OR / NOT standing alone outside quotes become + / | / - (NOT glued to what follows). */
    static String translateWords(String query) {
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
                String word = operatorWordAt(query, i);
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

    private static String operatorWordAt(String query, int i) {
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

    private static Node convert(Query query) {
        if (query instanceof Leaf leaf) {
            return leaf.node;
        }
        if (query instanceof BooleanQuery bool) {
            List<BooleanClause> clauses = bool.clauses();
            if (clauses.size() == 2 && clauses.get(0).occur() == BooleanClause.Occur.MUST_NOT
                    && clauses.get(1).query() instanceof MatchAllDocsQuery) {
                return new Not(convert(clauses.get(0).query()));
            }
            List<Node> children = new ArrayList<>(clauses.size());
            for (BooleanClause clause : clauses) {
                children.add(convert(clause.query()));
            }
            BooleanClause.Occur occur = clauses.getFirst().occur();
            for (BooleanClause clause : clauses) {
                if (clause.occur() != occur) {
                    throw new IllegalStateException("mixed operators in one group: " + bool);
                }
            }
            return occur == BooleanClause.Occur.SHOULD ? new Or(children) : new And(children);
        }
        throw new IllegalStateException("unexpected query from the parser: " + query.getClass().getName());
    }

    private static int countTerms(Node node) {
        return switch (node) {
            case Term t -> 1;
            case Phrase p -> 1;
            case Prefix p -> 1;
            case Not n -> countTerms(n.negated());
            case And a -> a.clauses().stream().mapToInt(EditorQuery::countTerms).sum();
            case Or o -> o.clauses().stream().mapToInt(EditorQuery::countTerms).sum();
        };
    }

    static String render(Node node, boolean top) {
        return switch (node) {
            case Term t -> escape(t.text());
            case Prefix p -> escape(p.text()) + "*";
            case Phrase p -> "\"" + p.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case Not n -> "-" + render(n.negated(), false);
            case And a -> group(a.clauses(), " + ", top);
            case Or o -> group(o.clauses(), " | ", top);
        };
    }

    private static String group(List<Node> clauses, String operator, boolean top) {
        List<String> parts = clauses.stream().map(c -> render(c, false)).toList();
        String joined = String.join(operator, parts);
        return top ? joined : "(" + joined + ")";
    }

    /** Escapes every character SimpleQueryParser could read as an operator. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\\"+|-()*~".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    // --- SimpleQueryParser producing our nodes -----------------------------------------------------------------

    private static final class Parser extends SimpleQueryParser {

        private final int minPrefixLength;

        Parser(int minPrefixLength) {
            super(null, Map.of("_", 1f), FLAGS);
            setDefaultOperator(BooleanClause.Occur.MUST);
            this.minPrefixLength = minPrefixLength;
        }

        @Override
        protected Query newDefaultQuery(String text) {
            return searchable(text) ? new Leaf(new Term(text)) : null;
        }

        @Override
        protected Query newFuzzyQuery(String text, int fuzziness) {
            return newDefaultQuery(text);
        }

        @Override
        protected Query newPhraseQuery(String text, int slop) {
            String phrase = text.strip().replaceAll("\\s+", " ");
            return searchable(phrase) ? new Leaf(new Phrase(phrase)) : null;
        }

        @Override
        protected Query newPrefixQuery(String text) {
            if (!searchable(text)) {
                return null;
            }
            long letters = text.codePoints().filter(Character::isLetterOrDigit).count();
            if (letters < minPrefixLength) {
                throw new InvalidQueryException("'" + text + "*' is too short a prefix: put at least "
                        + minPrefixLength + " letters or digits before the *");
            }
            return new Leaf(new Prefix(text));
        }
    }

    /** Carries one of our nodes through SimpleQueryParser's tree building. */
    private static final class Leaf extends Query {
        final Node node;

        Leaf(Node node) {
            this.node = node;
        }

        @Override
        public String toString(String field) {
            return node.toString();
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Leaf leaf && leaf.node.equals(node);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Leaf.class, node);
        }
    }
}
