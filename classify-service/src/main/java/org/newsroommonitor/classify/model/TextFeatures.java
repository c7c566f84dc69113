package org.newsroommonitor.classify.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern TAG = Pattern.compile("[#@]([\\p{L}\\p{N}_]+)");
    private static final Pattern TAG_PARTS = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})|_+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TextFeatures() {
    }

    /** The features of a text (any part may be null), with their values. */
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
        Map<String, Integer> counts = new HashMap<>();
        Matcher url = URL.matcher(raw);
        String text = raw;
        if (url.find()) {
            counts.merge("url", 1, Integer::sum);
            text = url.replaceAll(" ");
        }
        Matcher tag = TAG.matcher(text);
        StringBuilder words = new StringBuilder();
        while (tag.find()) {
            counts.merge("h:" + fold(tag.group(1)), 1, Integer::sum);
            tag.appendReplacement(words, Matcher.quoteReplacement(" " + String.join(" ",
                    TAG_PARTS.split(tag.group(1))) + " "));
        }
        tag.appendTail(words);
        List<String> tokens = new ArrayList<>();
        Matcher word = WORD.matcher(fold(words.toString()));
        while (word.find()) {
            tokens.add(word.group().replaceAll("\\p{N}", "0"));
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.codePointCount(0, token.length()) > 2) {
                counts.merge("w:" + token, 1, Integer::sum);
            }
            if (i > 0) {
                counts.merge("b:" + tokens.get(i - 1) + " " + token, 1, Integer::sum);
            }
            if (token.codePointCount(0, token.length()) > PREFIX && !Character.isDigit(token.charAt(0))) {
                counts.merge("p:" + token.substring(0, token.offsetByCodePoints(0, PREFIX)), 1, Integer::sum);
            }
        }
        Map<String, Double> values = new HashMap<>(counts.size() * 2);
        counts.keySet().forEach(feature -> values.put(feature, 1.0));
        return values;
    }

    /** Lower case, accents and other marks removed, compatibility forms unified (full-width letters, ligatures). */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)).replaceAll("");
    }

    private static void append(StringBuilder all, String part) {
        if (part != null && !part.isBlank()) {
            all.append(part).append(" \n ");
        }
    }
}
