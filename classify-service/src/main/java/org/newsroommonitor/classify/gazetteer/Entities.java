package org.newsroommonitor.classify.gazetteer;

import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;

import java.util.List;

/**
 * The places and organisations named in one article, each once, most often named first (then first named first).
 */
public record Entities(List<Place> places, List<Organisation> organisations) {

    public static final Entities NONE = new Entities(List.of(), List.of());

    public Entities {
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
    }

    public List<String> placeIds() {
        return places.stream().map(Place::id).toList();
    }

    public List<String> organisationIds() {
        return organisations.stream().map(Organisation::id).toList();
    }
}
