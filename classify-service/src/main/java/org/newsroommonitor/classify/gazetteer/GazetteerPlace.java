package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A place of the gazetteer file.
 *
 * @param id       stable id ({@code stepanakert})
 * @param name     display name
 * @param country  ISO 3166-1 alpha-2 code of the state the place is internationally recognised as part of
 * @param lat      latitude, WGS 84 decimal degrees (approximate; a centroid for countries and regions)
 * @param lon      longitude, WGS 84 decimal degrees
 * @param aliases  other names and spellings, matched case-insensitively; a word may end with {@code *}
 * @param acronyms names matched only when written in capital letters
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GazetteerPlace(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "country", required = true) String country,
        @JsonProperty(value = "lat", required = true) Double lat,
        @JsonProperty(value = "lon", required = true) Double lon,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("acronyms") List<String> acronyms) {

    public GazetteerPlace {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        acronyms = acronyms == null ? List.of() : List.copyOf(acronyms);
    }
}
