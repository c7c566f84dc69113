package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.newsroommonitor.edges.StrictJson;

/**
 * The object mapper of ingest's API bodies: as strict as every service's (http-edges' {@link StrictJson}, which is
 * not in force here because ingest answers the framework's refusals itself). A body with content after its JSON
 * value, a field given twice, or a value of another JSON type is refused with 400, the field named
 * ({@link IngestErrorMappers}). Kafka and the feed-state topic keep the application's mapper.
 */
@Provider
public class IngestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public IngestJson(ObjectMapper mapper) {
        this.strict = StrictJson.strict(mapper);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
