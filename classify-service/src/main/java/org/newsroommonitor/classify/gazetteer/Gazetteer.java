package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The places and organisations classify-service finds in articles, loaded from a YAML data file (see
 * {@link GazetteerLoader}).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Gazetteer(
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty("places") List<GazetteerPlace> places,
        @JsonProperty("organisations") List<GazetteerOrganisation> organisations) {

    public Gazetteer {
        places = places == null ? List.of() : List.copyOf(places);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }
}
