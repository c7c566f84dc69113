package org.newsroommonitor.search.query;

import java.util.List;

/** Query strings meant to break a search box: used by the parser test and the API test. */
public final class HostileQueries {

    private HostileQueries() {
    }

    public static final List<String> LIST = List.of(
            // unbalanced quotes and brackets
            "\"", "\"\"\"", "\"unclosed phrase", "closed\" then \"open", "((((", "))))", "(a (b)", "a) (b",
            "[", "]", "{", "}", "[a TO b]", "{a TO *}", "\"unbalanced ( [ ~ * \\",
            // Lucene classic / simple_query_string special characters
            "\\", "\\\\", "*", "**", "***", "?", "a?c", "~", "~~~~", "foo~99999", "\"a b\"~99999", "^", "a^1000",
            "-", "--", "+", "++", "|", "||", "&&", "!", "!a", "+-|", "-+-+-", "- - -", ":", "title:Lachin",
            "title:Lachin AND (", "_exists_:title", "a:b:c", "/", "//", "/.*/", "/[a-z]+/", "a*b*c*d*e*",
            "a* b* c* d*", "*Lachin", "Lach*in", "AND", "OR", "NOT", "AND OR NOT", "NOT NOT NOT", "a AND", "OR b",
            "a OR OR b", "a NOT", "( )", "(\"\")", "(-)", "\"(\"", "')", "' OR '1'='1", "'; DROP TABLE articles; --",
            // script- and markup-looking strings
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x/a}",
            "#{1+1}", "{\"query\":{\"match_all\":{}}}", "doc['title'].value", "Math.random()",
            "params._source", "%00", "%27%22", "&lt;mark&gt;", "</mark><mark>",
            // unicode, control characters, odd white space
            "\u0000", "\u0000aid\u0000", "\u0007\u0008\u001b[31m", "\u200b", "\u200baid\u200b", "\ufeff",
            "\ud83d\ude9a aid", "🚚🚚🚚", "Ստեփանակերտ", "Степанакерт блокада", "حصار", "封锁 走廊", "e\u0301",
            "\u202eevil", "aid\u2028convoy", "\t\n\r", "\u00a0aid\u00a0",
            // huge inputs
            "x".repeat(1000), "x".repeat(1001), "word ".repeat(199) + "word", "(".repeat(500) + ")".repeat(500),
            "\"".repeat(999), "a OR ".repeat(150) + "b", "-".repeat(1000), "*".repeat(1000), "\\".repeat(999),
            "a".repeat(300) + "*", "ab* ".repeat(60));
}
