package org.newsroommonitor.edges;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link ErrorRoutes} reads the headers it judges a request by, before any endpoint. */
class ErrorRoutesTest {

    @Test
    void aContentTypeMustBeOneMediaTypeOrNone() {
        assertThat(ErrorRoutes.isMediaType(null)).isTrue();
        assertThat(ErrorRoutes.isMediaType("application/json")).isTrue();
        assertThat(ErrorRoutes.isMediaType("text/plain; charset=utf-8")).isTrue();
        assertThat(ErrorRoutes.isMediaType("garbage")).isFalse();
        assertThat(ErrorRoutes.isMediaType("application/json, text/plain")).isFalse();
    }

    @Test
    void theDeclaredLengthIsMinusOneWithoutANumber() {
        assertThat(ErrorRoutes.declaredLength(" 20000000 ")).isEqualTo(20_000_000L);
        assertThat(ErrorRoutes.declaredLength(null)).isEqualTo(-1);
        assertThat(ErrorRoutes.declaredLength("many")).isEqualTo(-1);
    }

    @Test
    void headersCountTheirNamesValuesAndSeparators() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", "test").add("X-Big", "a".repeat(100));
        assertThat(ErrorRoutes.headerBytes(headers)).isEqualTo(4 + 4 + 4 + 5 + 100 + 4);
    }

    @Test
    void formsAreLeftToTheMultipartReader() {
        assertThat(ErrorRoutes.isForm("multipart/form-data; boundary=x")).isTrue();
        assertThat(ErrorRoutes.isForm("Application/X-WWW-Form-Urlencoded")).isTrue();
        assertThat(ErrorRoutes.isForm("application/json")).isFalse();
        assertThat(ErrorRoutes.isForm(null)).isFalse();
    }

    @Test
    void aMultipartTypeNeedsABoundary() {
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("multipart/form-data; boundary=")).isTrue();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("multipart/form-data; boundary=\"\"")).isTrue();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("multipart/form-data")).isTrue();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("Multipart/Mixed; BOUNDARY=x1")).isFalse();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("multipart/form-data; boundary=fuzz")).isFalse();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary("application/json")).isFalse();
        assertThat(ErrorRoutes.isMultipartWithoutBoundary(null)).isFalse();
    }
}
