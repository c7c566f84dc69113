package org.newsroommonitor.classify.rules;

/**
 * Where one match of a rule is in an article.
 *
 * @param field         the field matched
 * @param start         offset of the first matched character in the field
 * @param end           offset after the last matched character (exclusive)
 * @param startPosition position (word number) of the first matched word in the article's {@link ArticleDocument}
 *                      (the fields' positions are {@link ArticleDocument#POSITION_GAP} apart)
 * @param endPosition   position of the last matched word (inclusive)
 */
public record MatchSpan(ArticleField field, int start, int end, int startPosition, int endPosition) {
}
