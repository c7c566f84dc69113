package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a gazetteer file (YAML): ids are lower-case words joined by '-' and unique over places and
 * organisations, names and aliases are not empty, a {@code *} only ends a word, countries are ISO 3166-1
 * alpha-2 codes and coordinates are in range. Overlapping names of different entries are reported by
 * {@link EntityExtractor#create}.
 */
public final class GazetteerLoader {

    /** The gazetteer bundled with the service. */
    public static final String BUNDLED_RESOURCE = "gazetteer/gazetteer.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PREFIX_STARS = Pattern.compile("[^*\\s]+\\*?(\\s+[^*\\s]+\\*?)*");

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public Gazetteer loadBundled() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = GazetteerLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new GazetteerException("gazetteer resource '" + BUNDLED_RESOURCE + "' not found on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new GazetteerException("cannot read gazetteer resource '" + BUNDLED_RESOURCE + "': " + e.getMessage(), e);
        }
    }

    public Gazetteer loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GazetteerException("gazetteer file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        try {
            return parse(Files.readString(file), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new GazetteerException("cannot read gazetteer file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks YAML text; {@code source} names it in error messages. */
    public Gazetteer parse(String yamlText, String source) {
        Gazetteer gazetteer;
        try {
            gazetteer = yaml.readValue(yamlText, Gazetteer.class);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String line = location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
            throw new GazetteerException("gazetteer " + source + line + ": " + e.getOriginalMessage(), e);
        }
        if (gazetteer == null) {
            throw new GazetteerException("gazetteer " + source + " is empty");
        }
        validate(gazetteer, source);
        return gazetteer;
    }

    private static void validate(Gazetteer gazetteer, String source) {
        if (gazetteer.version() == null || gazetteer.version().isBlank()) {
            throw new GazetteerException("gazetteer " + source + ": 'version' is missing or empty");
        }
        Set<String> ids = new HashSet<>();
        for (GazetteerPlace place : gazetteer.places()) {
            String where = entry(source, "place", place.id(), ids);
            checkName(place.name(), where);
            checkNames(place.aliases(), "aliases", where);
            checkNames(place.acronyms(), "acronyms", where);
            if (place.country() == null || !COUNTRY.matcher(place.country()).matches()) {
                throw new GazetteerException(where + ": 'country' must be an ISO 3166-1 alpha-2 code such as AZ (got '"
                        + place.country() + "')");
            }
            if (place.lat() == null || !(place.lat() >= -90 && place.lat() <= 90)) {
                throw new GazetteerException(where + ": 'lat' must be between -90 and 90 (got " + place.lat() + ")");
            }
            if (place.lon() == null || !(place.lon() >= -180 && place.lon() <= 180)) {
                throw new GazetteerException(where + ": 'lon' must be between -180 and 180 (got " + place.lon() + ")");
            }
        }
        for (GazetteerOrganisation organisation : gazetteer.organisations()) {
            String where = entry(source, "organisation", organisation.id(), ids);
            checkName(organisation.name(), where);
            checkNames(organisation.aliases(), "aliases", where);
            checkNames(organisation.acronyms(), "acronyms", where);
        }
        if (ids.isEmpty()) {
            throw new GazetteerException("gazetteer " + source + ": no places and no organisations");
        }
    }

    private static String entry(String source, String kind, String id, Set<String> ids) {
        String where = "gazetteer " + source + ": " + kind + " '" + id + "'";
        if (id == null || !ID.matcher(id).matches()) {
            throw new GazetteerException(where + ": 'id' must be lower-case words joined by '-'");
        }
        if (!ids.add(id)) {
            throw new GazetteerException(where + " is defined twice (ids are unique over places and organisations)");
        }
        return where;
    }

    private static void checkName(String name, String where) {
        if (name == null || name.isBlank()) {
            throw new GazetteerException(where + ": 'name' is missing or empty");
        }
        if (name.contains("*")) {
            throw new GazetteerException(where + ": 'name' may not contain '*' (put inflected forms in 'aliases')");
        }
    }

    private static void checkNames(List<String> names, String field, String where) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new GazetteerException(where + ": '" + field + "' contains an empty name");
            }
            if (!PREFIX_STARS.matcher(name.strip()).matches()) {
                throw new GazetteerException(where + ": '" + name + "' in '" + field
                        + "' has a '*' that does not end a word");
            }
        }
    }
}
