package org.newsroommonitor.classify.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text as the topic model sees them, in any language and in the shapes real short text has:
 * hashtags and handles split into their words ({@code #ReliefForNepal} gives {@code relief}, {@code for},
 * {@code nepal} and the tag itself, {@code @AmericanRedCross} gives {@code american red cross}), links replaced by
 * one {@code url} feature, emoji and punctuation dropped, capitals and accents folded ({@code AYUDA} =
 * {@code ayuda}, {@code ayúdanos} = {@code ayudanos}), digits collapsed to {@code 0}.
 *
 * <p>Features, each a readable string so that a model's evidence can be shown as it is:
 * <ul>
 *   <li>{@code w:<word>}: each word of three letters or more (shorter ones, mostly function words, count only in
 *       pairs);</li>
 *   <li>{@code b:<word> <word>}: each pair of neighbouring words;</li>
 *   <li>{@code p:<first 5 letters>}: the start of each word of 6 letters or more, which stands for the word's
 *       family in languages that inflect ({@code гуманитарной}, {@code гуманитарная}: {@code p:гуман});</li>
 *   <li>{@code h:<tag>}: each hashtag and handle, whole.</li>
 * </ul>
 * Every feature present has the value 1, however often it occurs (on the project's real-news dev set, presence
 * classified better than counts or length-normalised counts). Stateless and thread-safe.
 */
public final class TextFeatures {

    static final int PREFIX = 5;
    /**
     * Words read from the start of the text (title, summary, then body): the lead of a news item. The real-news
     * texts the model learns from are mostly short (headlines, messages, sentences, paragraphs); over a whole feed
     * item the many small weights of ordinary words add up and drown the topic's own words, so a long article about
     * a blockade scored lower than its first paragraph alone. The rules still read the whole text.
     */
    static final int MAX_WORDS = 100;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern TAG = Pattern.compile("[#@]([\\p{L}\\p{N}_]+)");
    private static final Pattern TAG_PARTS = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})|_+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("\\p{N}");

    private TextFeatures() {
    }

    /** The features of a text (any part may be null), with their values; a new mutable map the caller owns. */
    public static Map<String, Double> of(String title, String summary, String text) {
        StringBuilder all = new StringBuilder();
        append(all, title);
        if (summary != null && !summary.isBlank() && (text == null || !text.contains(summary.strip()))) {
            append(all, summary);
        }
        append(all, text);
        return of(all.toString());
    }

    static Map<String, Double> of(String raw) {
        Map<String, Double> features = new HashMap<>(256);
        String text = raw;
        Matcher url = URL.matcher(raw);
        if (url.find()) {
            features.put("url", 1.0);
            text = url.replaceAll(" ");
        }
        if (text.indexOf('#') >= 0 || text.indexOf('@') >= 0) {
            Matcher tag = TAG.matcher(text);
            StringBuilder words = new StringBuilder(text.length() + 16);
            while (tag.find()) {
                features.put("h:" + fold(tag.group(1)), 1.0);
                tag.appendReplacement(words, Matcher.quoteReplacement(" " + String.join(" ",
                        TAG_PARTS.split(tag.group(1))) + " "));
            }
            tag.appendTail(words);
            text = words.toString();
        }
        Matcher word = WORD.matcher(fold(text));
        String previous = null;
        int words = 0;
        while (word.find() && words++ < MAX_WORDS) {
            String token = numbersAsZero(word.group());
            int letters = token.codePointCount(0, token.length());
            if (letters > 2) {
                features.put("w:" + token, 1.0);
            }
            if (previous != null) {
                features.put("b:" + previous + " " + token, 1.0);
            }
            if (letters > PREFIX && !Character.isDigit(token.charAt(0))) {
                features.put("p:" + token.substring(0, token.offsetByCodePoints(0, PREFIX)), 1.0);
            }
            previous = token;
        }
        return features;
    }

    /** Every number character ({@code \\p{N}}: digits of any script, numerals, fractions) replaced by {@code 0}. */
    private static String numbersAsZero(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (isNumber(token.charAt(i)) || Character.isSurrogate(token.charAt(i))) {
                return NUMBER.matcher(token).replaceAll("0");
            }
        }
        return token;
    }

    private static boolean isNumber(char c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Lower case, accents and other marks removed, compatibility forms unified (full-width letters, ligatures). */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
            }
        }
        return lower; // plain ASCII: nothing to decompose
    }

    private static void append(StringBuilder all, String part) {
        if (part != null && !part.isBlank()) {
            all.append(part).append(" \n ");
        }
    }
}
