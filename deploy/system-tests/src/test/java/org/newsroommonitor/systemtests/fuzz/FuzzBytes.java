package org.newsroommonitor.systemtests.fuzz;

import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hostile documents and byte tricks of {@link EndpointFuzzTest}'s generators. */
final class FuzzBytes {

    static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";

    /** Byte sequences that are not UTF-8: a lone continuation byte, truncated, overlong and surrogate encodings. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xE2, (byte) 0x82},
            new byte[]{(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28}, new byte[]{(byte) 0xC0, (byte) 0xAF},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xFF, (byte) 0xFE},
            new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    static final List<String> HOSTILE_XML = List.of(
            "<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"&xxe;\"/></body></opml>",
            "<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><opml><body><outline xmlUrl=\"&c;\"/></body></opml>",
            "<opml><body><outline xmlUrl=\"&undefined;\"/></body></opml>",
            "<opml><body><outline xmlUrl=\"https://feeds.invalid/rss\"></body></opml>",
            "<rss><channel/></rss>", "<opml", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?><opml/>",
            "<?xml version=\"9.9\"?><opml/>", "<opml><![CDATA[ x ]]><body><outline xmlUrl=\"\"/></body></opml>",
            "<opml xmlns:x=\"urn:x\"><x:body><x:outline xmlUrl=\"https://feeds.invalid/a\"/></x:body></opml>",
            "\uFEFF<opml><body/></opml>", "<opml><body><outline xmlUrl='https://feeds.invalid/a' xmlUrl='b'/></body></opml>",
            "<?xml-stylesheet href=\"http://127.0.0.1:1/x.xsl\"?><opml/>", "");

    static final List<String> HOSTILE_YAML = List.of(
            "", "---", "~", "[]", "{}", "topics: 5", "version: 1\ntopics:\n  - id: a\n    rules: [\"(\"]\n",
            "a: &a [*a]", "a: &x [1]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x]\nc: [*b, *b, *b]",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]",
            "topics: !!binary AAAA", "key: [unclosed", "\t- tab indented", "? complex\n: key",
            "version: x\ntopics:\n  - id: \"\"\n    label: \"\"\n    rules: []\n",
            "version: x\ntopics:\n  - id: t\n    label: t\n    rules:\n      - \"" + "a OR ".repeat(2000) + "a\"\n",
            "version: x\ntopics:\n  - id: t\n    label: t\n    rules:\n      - \"a*\"\n      - \"\\\"unclosed\"\n",
            "%YAML 9.9\n---\na: 1", "a: 1\na: 2", "- - - - - - - - - - - - - - - - - - - - - - - - - - - -");

    private FuzzBytes() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal of {@code text}, escaped as JSON requires. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static byte[] deepNesting(int depth) {
        return utf8((depth % 2 == 0 ? "[" : "{\"a\":[").repeat(depth / 2 + 1) + "1");
    }

    static byte[] hugeString(String field, int length) {
        return utf8("{" + jsonString(field) + ": \"" + "x".repeat(length) + "\"}");
    }

    static byte[] inAJsonString(byte[] invalid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"name\": \"a"));
        out.writeBytes(invalid);
        out.writeBytes(utf8("\", \"query\": \"b"));
        out.writeBytes(invalid);
        out.writeBytes(utf8("\", \"url\": \"https://feeds.invalid/"));
        out.writeBytes(invalid);
        out.writeBytes(utf8("\", \"title\": \"\"}"));
        return out.toByteArray();
    }

    static byte[] deepOpml(int depth) {
        return utf8("<opml><body>" + "<outline text=\"f\">".repeat(depth)
                + "<outline xmlUrl=\"https://feeds.invalid/deep\"/>" + "</outline>".repeat(depth) + "</body></opml>");
    }

    /** A multipart/form-data body with {@link #BOUNDARY}; {@code closed}: with its final boundary. */
    static byte[] multipart(List<Tuple.Tuple2<String, byte[]>> parts, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tuple.Tuple2<String, byte[]> part : parts) {
            out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.get1()
                    + "\"; filename=\"fuzz.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            out.writeBytes(part.get2());
            out.writeBytes(utf8("\r\n"));
        }
        if (closed) {
            out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
        }
        return out.toByteArray();
    }
}
