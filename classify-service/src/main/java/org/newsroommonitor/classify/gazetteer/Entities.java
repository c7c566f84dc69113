package org.newsroommonitor.classify.gazetteer;

import java.util.List;

/**
 * The places and organisations named in one article, each once, most often named first (then first named first).
 */
public record Entities(List<PlaceMention> places, List<OrganisationMention> organisations) {

    public static final Entities NONE = new Entities(List.of(), List.of());

    public Entities {
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
    }

    public List<String> placeIds() {
        return places.stream().map(PlaceMention::id).toList();
    }

    public List<String> organisationIds() {
        return organisations.stream().map(OrganisationMention::id).toList();
    }
}
