package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies are read strictly; the mapper the strict one is made from (Kafka's) stays as lenient as it was. */
class StrictJsonTest {

    record Body(String title, List<String> topics, Integer size, Double score, Boolean paused) {
    }

    private final ObjectMapper application = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ObjectMapper strict = new StrictJson(application).getContext(Body.class);

    @Test
    void refusesTrailingContentDuplicatesAndValuesOfAnotherType() {
        for (String json : List.of("{\"title\": \"a\"} {}", "{\"title\": \"a\", \"title\": \"b\"}",
                "{\"topics\": \"a\"}", "{\"topics\": 1}", "{\"title\": 5}", "{\"title\": true}", "{\"size\": \"5\"}",
                "{\"size\": 1.5}", "{\"score\": \"1.5\"}", "{\"paused\": \"true\"}", "{\"paused\": 1}")) {
            assertThatThrownBy(() -> strict.readValue(json, Body.class)).as(json)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void readsWhatIsWellTyped() throws Exception {
        assertThat(strict.readValue("{\"title\": \"a\", \"topics\": [\"b\"], \"size\": 2, \"score\": 3, "
                + "\"paused\": false, \"unknown\": 1}", Body.class))
                .isEqualTo(new Body("a", List.of("b"), 2, 3.0, false));
    }

    @Test
    void leavesTheApplicationsMapperLenient() throws Exception {
        assertThat(application.readValue("{\"title\": \"a\", \"title\": 5, \"size\": \"2\"} trailing", Body.class))
                .isEqualTo(new Body("5", null, 2, null, null));
    }
}
