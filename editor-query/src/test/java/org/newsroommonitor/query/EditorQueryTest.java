package org.newsroommonitor.query;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.query.EditorQuery.And;
import org.newsroommonitor.query.EditorQuery.Not;
import org.newsroommonitor.query.EditorQuery.Or;
import org.newsroommonitor.query.EditorQuery.Phrase;
import org.newsroommonitor.query.EditorQuery.Prefix;
import org.newsroommonitor.query.EditorQuery.Term;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditorQueryTest {

    static String normalized(String q) {
        return EditorQuery.parse(q).normalized();
    }

    static String error(String q) {
        try {
            EditorQuery.parse(q);
        } catch (InvalidQueryException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + q);
    }

    @Test
    void wordsAreAndedAndPhrasesKept() {
        assertThat(normalized("Lachin")).isEqualTo("Lachin");
        assertThat(normalized("aid convoy")).isEqualTo("aid + convoy");
        assertThat(EditorQuery.parse("aid convoy").root())
                .isEqualTo(new And(List.of(new Term("aid"), new Term("convoy"))));
        assertThat(normalized("\"Lachin   corridor\" aid")).isEqualTo("\"Lachin corridor\" + aid");
        assertThat(EditorQuery.parse("\"Lachin corridor\"").root()).isEqualTo(new Phrase("Lachin corridor"));
    }

    @Test
    void andOrNotWordsBecomeOperators() {
        assertThat(normalized("bread AND flour")).isEqualTo("bread + flour");
        assertThat(normalized("bread OR flour")).isEqualTo("bread | flour");
        assertThat(normalized("bread NOT flour")).isEqualTo("bread + -flour");
        assertThat(normalized("bread NOT   \"wheat flour\"")).isEqualTo("bread + -\"wheat flour\"");
        assertThat(normalized("NOT (a b)")).isEqualTo("-(a + b)");
        assertThat(EditorQuery.parse("bread NOT flour").root())
                .isEqualTo(new And(List.of(new Term("bread"), new Not(new Term("flour")))));
        // only upper case, standing alone, outside quotes
        assertThat(normalized("bread and flour")).isEqualTo("bread + and + flour");
        assertThat(normalized("ANDROID ORBIT NOTE")).isEqualTo("ANDROID + ORBIT + NOTE");
        assertThat(normalized("\"salt AND pepper\"")).isEqualTo("\"salt AND pepper\"");
        assertThat(normalized("\\AND x")).isEqualTo("AND + x");
    }

    @Test
    void symbolsWorkLikeSimpleQueryParser() {
        assertThat(normalized("bread + flour")).isEqualTo("bread + flour");
        assertThat(normalized("bread | flour")).isEqualTo("bread | flour");
        assertThat(normalized("bread -flour")).isEqualTo("bread + -flour");
        assertThat(normalized("-flour")).isEqualTo("-flour");
        assertThat(normalized("--flour")).isEqualTo("flour");
        assertThat(normalized("+bread")).isEqualTo("bread");
        assertThat(normalized("blockad*")).isEqualTo("blockad*");
        assertThat(EditorQuery.parse("blockad*").root()).isEqualTo(new Prefix("blockad"));
        assertThat(normalized("e-mail")).isEqualTo("e\\-mail");
    }

    @Test
    void operatorsApplyLeftToRightAndParenthesesGroup() {
        // like SimpleQueryParser: no precedence, a change of operator closes the group so far
        assertThat(normalized("a OR b c")).isEqualTo("(a | b) + c");
        assertThat(EditorQuery.parse("a OR b c").root()).isEqualTo(
                new And(List.of(new Or(List.of(new Term("a"), new Term("b"))), new Term("c"))));
        assertThat(normalized("a b OR c")).isEqualTo("(a + b) | c");
        assertThat(normalized("a (b OR c)")).isEqualTo("a + (b | c)");
        assertThat(normalized("(aid OR relief) (convoy OR trucks) -football"))
                .isEqualTo("(aid | relief) + (convoy | trucks) + -football");
    }

    @Test
    void theNormalizedFormParsesToTheSameTree() {
        for (String q : List.of("a OR b c", "(aid OR relief) NOT \"x y\" zz*", "-a -b | c", "e-mail \\(x\\) \"q \\\" q\"",
                "a|b|c d+e", "NOT NOT a", "((a))", "x~2", "a\\*")) {
            EditorQuery first = EditorQuery.parse(q);
            EditorQuery again = EditorQuery.parse(first.normalized());
            assertThat(again.root()).as(q).isEqualTo(first.root());
            assertThat(again.normalized()).as(q).isEqualTo(first.normalized());
        }
    }

    @Test
    void specialCharactersInWordsAreEscaped() {
        assertThat(normalized("a\\*")).isEqualTo("a\\*");
        assertThat(EditorQuery.parse("a\\*").root()).isEqualTo(new Term("a*"));
        assertThat(normalized("\"say \\\"no\\\"\"")).isEqualTo("\"say \\\"no\\\"\"");
        // fuzzy and slop are not part of the syntax: ~ is an ordinary character
        assertThat(EditorQuery.parse("x~2").root()).isEqualTo(new Term("x~2"));
        assertThat(normalized("x~2")).isEqualTo("x\\~2");
    }

    @Test
    void starAloneMatchesEverything() {
        assertThat(EditorQuery.parse("*").matchesAll()).isTrue();
        assertThat(EditorQuery.parse(" * ").normalized()).isEqualTo("*");
    }

    @Test
    void wordsWithoutLettersOrDigitsAreIgnored() {
        assertThat(normalized("&& aid ||| !!")).isEqualTo("aid");
        assertThat(normalized("🚚 aid")).isEqualTo("aid");
        assertThat(normalized("Ստեփանակերտ")).isEqualTo("Ստեփանակերտ");
    }

    @Test
    void controlCharactersAreWhiteSpace() {
        assertThat(normalized("aid\u0000convoy\u0007")).isEqualTo("aid + convoy");
        assertThat(normalized("aid\tconvoy\r\n")).isEqualTo("aid + convoy");
    }

    @Test
    void meaninglessQueriesAreRefusedWithAReason() {
        assertThat(error("\"Lachin corridor")).contains("quote").contains("position 1");
        assertThat(error("aid \"")).contains("position 5");
        assertThat(error("(aid convoy")).contains("'('").contains("never closed");
        assertThat(error("aid)")).contains("')'").contains("position 4");
        assertThat(error("((((((((((a))))))))))")).contains("nested");
        assertThat(error("a*")).contains("too short");
        assertThat(error("-")).contains("no words to search for").doesNotContain("null");
        assertThat(error("\"\"")).contains("no words");
        assertThat(error("+-|")).contains("no words");
        assertThat(error("()")).contains("no words");
        assertThat(error("   ")).contains("empty");
        assertThat(error("x ".repeat(65))).contains("65 words").contains("64");
        assertThat(error("x".repeat(1001))).contains("1000 characters");
        assertThatThrownBy(() -> EditorQuery.parse(null)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void escapedQuotesAndParenthesesDoNotCount() {
        assertThat(EditorQuery.parse("\\\"aid").root()).isEqualTo(new Term("\"aid"));
        assertThat(EditorQuery.parse("aid\\)").root()).isEqualTo(new Term("aid)"));
        assertThat(EditorQuery.parse("\"(aid\"").root()).isEqualTo(new Phrase("(aid"));
    }
}
