package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sentences a client reads for a JSON body that does not read, as strict request bodies are read. */
class JsonErrorsTest {

    /** A request body of every kind of field a sentence names. */
    record Body(String title, List<String> topics, Boolean paused, int size, Map<String, String> labels) {
    }

    private final ObjectMapper strict = StrictJson.strict(new ObjectMapper());

    @Test
    void malformedJsonSaysWhereAndWhatJacksonFound() {
        assertThat(problem("{\"title\": ")).isEqualTo(
                "malformed JSON (line 1, column 11): Unexpected end-of-input within/between Object entries");
        assertThat(problem("{\"title\": \"a\"} xx")).isEqualTo("malformed JSON (line 1, column 16): Unrecognized "
                + "token 'xx': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertThat(problem("{\n  \"title\": \"a\",\n  oops}")).isEqualTo("malformed JSON (line 3, column 3): "
                + "Unexpected character ('o' (code 111)): was expecting double-quote to start field name");
    }

    @Test
    void contentAfterTheValueAndDuplicateFieldsAreNamed() {
        assertThat(problem("{\"title\": \"a\"} {}"))
                .isEqualTo("unexpected content after the JSON value (line 1, column 16)");
        assertThat(problem("{\"title\": \"a\", \"title\": \"b\"}"))
                .isEqualTo("duplicate field 'title' (line 1, column 23)");
    }

    @Test
    void aValueOfAnotherTypeNamesTheFieldAndWhatItMustBe() {
        assertThat(problem("{\"title\": [\"a\"]}")).isEqualTo("field 'title' must be a string (line 1, column 11)");
        assertThat(problem("{\"title\": 5}")).isEqualTo("field 'title' must be a string (line 1, column 11)");
        assertThat(problem("{\"topics\": \"a\"}")).isEqualTo("field 'topics' must be a list (line 1, column 12)");
        assertThat(problem("{\"topics\": [5]}")).isEqualTo("field 'topics[0]' must be a string (line 1, column 13)");
        assertThat(problem("{\"paused\": \"maybe\"}"))
                .isEqualTo("field 'paused' must be true or false (line 1, column 12)");
        assertThat(problem("{\"size\": \"5\"}")).isEqualTo("field 'size' must be a number (line 1, column 10)");
        assertThat(problem("{\"labels\": []}")).isEqualTo("field 'labels' must be an object (line 1, column 12)");
        assertThat(problem("[]")).isEqualTo("the JSON value must be an object (line 1, column 1)");
    }

    @Test
    void anUnknownFieldIsNamedWhereTheMapperRefusesIt() {
        ObjectMapper refusingUnknown = strict.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> refusingUnknown.readValue("{\"title\": \"a\", \"colour\": 1}", Body.class));
        assertThat(JsonErrors.describe(e)).isEqualTo("unknown field 'colour' (line 1, column 28)");
    }

    private String problem(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> strict.readValue(json, Body.class));
        assertThat(e).as(json).isNotNull();
        return JsonErrors.describe(e);
    }
}
