package org.newsroommonitor.classify.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicModelFileTest {

    @Test
    void aWrittenModelReadsBackWithItsWeightsSortedByFeature() throws IOException {
        TopicModel model = new TopicModel("m2", "2026.12.2", List.of(
                new TopicModel.TopicWeights("aid", -1.234567, 0.25, Map.of("w:zeta", 0.5, "w:alpha", -0.123456789))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TopicModelFile.write(model, Map.of("texts", 3), out);
        String json = out.toString(StandardCharsets.UTF_8);

        assertThat(json.indexOf("w:alpha")).isLessThan(json.indexOf("w:zeta"));
        TopicModel read = TopicModelFile.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.version()).isEqualTo("m2");
        assertThat(read.taxonomyVersion()).isEqualTo("2026.12.2");
        assertThat(read.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.bias()).isEqualTo(-1.23457);
            assertThat(topic.threshold()).isEqualTo(0.25);
            assertThat(topic.weights()).containsExactlyInAnyOrderEntriesOf(Map.of("w:zeta", 0.5, "w:alpha", -0.12346));
        });
    }

    @Test
    void anotherFormatATopicWithoutThresholdOrNoTopicsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> read("{\"format\": 2, \"topics\": []}")).hasMessageContaining("format 1");
        assertThatThrownBy(() -> read("{\"format\": 1, \"topics\": [{\"id\": \"aid\", \"bias\": 0}]}"))
                .hasMessageContaining("lacks id, bias or threshold");
        assertThatThrownBy(() -> read("{\"format\": 1, \"topics\": []}")).hasMessageContaining("no topics");
        assertThatThrownBy(() -> read("{\"format\": 1, \"format\": 1}")).hasMessageContaining("Duplicate field");
    }

    private static TopicModel read(String json) throws IOException {
        return TopicModelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
