package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Helpers for code outside a Quarkus application (tools, benchmarks, tests). */
public final class Messages {

    private Messages() {
    }

    /**
     * A mapper that writes and reads messages as the services do (Quarkus' defaults): instants as ISO-8601 strings,
     * unknown fields ignored.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
