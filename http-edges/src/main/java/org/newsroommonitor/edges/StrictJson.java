package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * The object mapper of the HTTP API's JSON bodies in every service that depends on this module: the application's,
 * strict in what it reads. A body with content after its JSON value, a field given twice, or a value of another JSON
 * type (a string where a list belongs, a number where a string belongs) is refused with 400, the field named by
 * {@link ErrorMappers}. Kafka messages are read with the application's mapper, unchanged and lenient. Not in force
 * in a service that answers the framework's refusals itself ({@link ErrorMappers#FRAMEWORK_ANSWERS}).
 */
@Provider
@UnlessBuildProperty(name = ErrorMappers.FRAMEWORK_ANSWERS, stringValue = "own", enableIfMissing = true)
public class StrictJson implements ContextResolver<ObjectMapper> {

    private static final CoercionInputShape TEXT = CoercionInputShape.String;
    private static final CoercionInputShape EMPTY_TEXT = CoercionInputShape.EmptyString;
    private static final CoercionInputShape INTEGER = CoercionInputShape.Integer;
    private static final CoercionInputShape DECIMAL = CoercionInputShape.Float;
    private static final CoercionInputShape TRUE_FALSE = CoercionInputShape.Boolean;

    /** Target type -> the JSON values not read as one (an integer is still read as a decimal number). */
    private static final Map<LogicalType, List<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Collection, List.of(TEXT, EMPTY_TEXT, INTEGER, DECIMAL, TRUE_FALSE),
            LogicalType.Array, List.of(TEXT, EMPTY_TEXT, INTEGER, DECIMAL, TRUE_FALSE),
            LogicalType.Textual, List.of(INTEGER, DECIMAL, TRUE_FALSE),
            LogicalType.Integer, List.of(TEXT, EMPTY_TEXT, DECIMAL, TRUE_FALSE),
            LogicalType.Float, List.of(TEXT, EMPTY_TEXT, TRUE_FALSE),
            LogicalType.Boolean, List.of(TEXT, EMPTY_TEXT, INTEGER, DECIMAL));

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper mapper) {
        this.strict = strict(mapper);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /**
     * A copy of {@code mapper} that refuses what is described above; {@code mapper} itself is not changed. Public
     * for a service that answers the framework's refusals itself and still reads its bodies strictly (ingest).
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        REFUSED.forEach((type, shapes) ->
                shapes.forEach(shape -> strict.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail)));
        return strict;
    }
}
