package org.newsroommonitor.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdTest {

    private static final String CANONICAL =
            "https://caucasus-wire.example/2023/09/12/russian-red-cross-truck-reaches-karabakh";

    @Test
    void isTheHexOfTheFirst16BytesOfSha256OfTheCanonicalUrl() {
        // computed independently: sha256(CANONICAL).hexdigest()[:32]
        assertThat(ArticleId.ofCanonicalUrl(CANONICAL)).isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
    }

    @Test
    void theSameArticleLinkedTwoWaysGetsTheSameId() {
        String fromFeedA = UrlCanonicalizer.canonicalize(
                "https://Caucasus-Wire.example:443/2023/09/12/russian-red-cross-truck-reaches-karabakh"
                        + "?utm_source=rss&utm_medium=feed#top");
        String fromFeedB = UrlCanonicalizer.canonicalize(CANONICAL + "?fbclid=IwAR0xyz");
        assertThat(ArticleId.ofCanonicalUrl(fromFeedA))
                .isEqualTo(ArticleId.ofCanonicalUrl(fromFeedB))
                .isEqualTo("f716171f89ccf9b1a7bb5836e85bc4af");
    }

    @Test
    void differentArticlesGetDifferentIds() {
        assertThat(ArticleId.ofCanonicalUrl("https://news.example/a?id=1"))
                .isNotEqualTo(ArticleId.ofCanonicalUrl("https://news.example/a?id=2"))
                .hasSize(32)
                .matches("[0-9a-f]{32}");
    }

    @Test
    void aGuidIdIsTheSameHashOfGuidPrefixedAndNeverThatOfTheSameTextAsUrl() {
        assertThat(ArticleId.ofGuid("caucasus-wire-2023-0915-flour")).isEqualTo("41db6b7eb3413543de3616f4d15b30a5");
        assertThat(ArticleId.ofGuid(CANONICAL)).isNotEqualTo(ArticleId.ofCanonicalUrl(CANONICAL));
    }
}
