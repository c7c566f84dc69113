package org.newsroommonitor.edges;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which request URIs {@link RequestUriCheck} refuses, and what it says. */
class RequestUriCheckTest {

    @Test
    void validUrisPass() {
        assertThat(RequestUriCheck.problem("/api/search?q=Lachin%20corridor&size=20")).isEmpty();
        assertThat(RequestUriCheck.problem("/api/feeds/3f2a")).isEmpty();
        assertThat(RequestUriCheck.problem("*")).isEmpty();
    }

    @Test
    void aBrokenEscapeIsNamedWithItsPlace() {
        assertThat(RequestUriCheck.problem("/api/search?q=%zz"))
                .contains("the request URI is not valid: Malformed escape pair at index 14");
    }

    @Test
    void illegalCharactersAreRefusedWithoutEchoingThem() {
        assertThat(RequestUriCheck.problem("/api/search?q=<script>"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .isEqualTo("the request URI is not valid: Illegal character in query at index 14")
                        .doesNotContain("<"));
        assertThat(RequestUriCheck.problem("/a\"b")).contains("the request URI is not valid: Illegal character in path at index 2");
    }
}
