package org.newsroommonitor.search.api;

/**
 * HTML-escapes text the way Elasticsearch's {@code html} highlight encoder does, so a highlighted and a
 * not-highlighted field are escaped alike: {@code & < > " ' /} become {@code &amp; &lt; &gt; &quot; &#x27; &#x2F;};
 * every other character is kept.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
