package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An organisation of the gazetteer file.
 *
 * @param id       stable id ({@code icrc})
 * @param name     display name
 * @param aliases  other names and spellings, matched case-insensitively; a word may end with {@code *}
 * @param acronyms names matched only when written in capital letters ({@code WHO}, not "who")
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GazetteerOrganisation(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("acronyms") List<String> acronyms) {

    public GazetteerOrganisation {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        acronyms = acronyms == null ? List.of() : List.copyOf(acronyms);
    }
}
