package org.newsroommonitor.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlCanonicalizerTest {

    @Test
    void removesTrackingParametersAndKeepsTheOthersInOrder() {
        assertThat(UrlCanonicalizer.canonicalize(
                "https://news.example/a?utm_source=rss&id=7&UTM_Campaign=x&fbclid=1&page=2&gclid=2&mc_cid=3&mc_eid=4"))
                .isEqualTo("https://news.example/a?id=7&page=2");
        assertThat(UrlCanonicalizer.canonicalize("https://news.example/a?utm_source=rss&utm_medium=feed"))
                .isEqualTo("https://news.example/a");
        // a parameter that merely contains a tracking name is kept
        assertThat(UrlCanonicalizer.canonicalize("https://news.example/a?xutm_source=1&fbclid_not=2"))
                .isEqualTo("https://news.example/a?xutm_source=1&fbclid_not=2");
    }

    @Test
    void removesTheFragment() {
        assertThat(UrlCanonicalizer.canonicalize("https://news.example/a#comments"))
                .isEqualTo("https://news.example/a");
        assertThat(UrlCanonicalizer.canonicalize("https://news.example/a?id=1&utm_term=x#top"))
                .isEqualTo("https://news.example/a?id=1");
    }

    @Test
    void lowerCasesSchemeAndHostButNotPathOrQuery() {
        assertThat(UrlCanonicalizer.canonicalize("HTTPS://News.EXAMPLE/Path/To?Q=Value"))
                .isEqualTo("https://news.example/Path/To?Q=Value");
    }

    @Test
    void dropsOnlyTheSchemesDefaultPort() {
        assertThat(UrlCanonicalizer.canonicalize("http://news.example:80/a")).isEqualTo("http://news.example/a");
        assertThat(UrlCanonicalizer.canonicalize("https://news.example:443/a")).isEqualTo("https://news.example/a");
        assertThat(UrlCanonicalizer.canonicalize("http://news.example:443/a"))
                .isEqualTo("http://news.example:443/a");
        assertThat(UrlCanonicalizer.canonicalize("https://news.example:8443/a"))
                .isEqualTo("https://news.example:8443/a");
    }

    @Test
    void keepsPercentEncodingAsGiven() {
        assertThat(UrlCanonicalizer.canonicalize("https://news.example/caf%C3%A9?q=a%20b&utm_id=1"))
                .isEqualTo("https://news.example/caf%C3%A9?q=a%20b");
    }

    @Test
    void refusesWhatIsNoAbsoluteUrlWithHost() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("/relative/path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an absolute URL");
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("mailto:desk@news.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("https://exa mple.com:x/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
