package org.newsroommonitor.edges;

import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer a service's own mapper gives with {@link ErrorMappers#answer}. */
class ErrorMappersTest {

    @Test
    void anAnswerIsTheStatusAndTheErrorBodyAsJson() {
        RestResponse<ErrorBody> answer = ErrorMappers.answer(503, "search is unavailable");
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getEntity()).isEqualTo(new ErrorBody("search is unavailable"));
        assertThat(answer.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    }
}
