package org.newsroommonitor.classify.rules;

import java.util.List;

/** The text fields of an article that rules are matched against, in the order hits are reported. */
public enum ArticleField {
    TITLE("title"), SUMMARY("summary"), TEXT("text");

    public static final List<ArticleField> ALL = List.of(values());

    private final String fieldName;

    ArticleField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The Lucene field name, also used as {@code field} in hits: {@code title}, {@code summary}, {@code text}. */
    public String fieldName() {
        return fieldName;
    }

    public static ArticleField of(String fieldName) {
        for (ArticleField field : values()) {
            if (field.fieldName.equals(fieldName)) {
                return field;
            }
        }
        throw new IllegalArgumentException("not an article field: " + fieldName);
    }
}
