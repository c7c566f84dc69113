package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A place named in an article ({@code places[]} on the wire), with how often it is named. */
@JsonPropertyOrder({"id", "name", "country", "lat", "lon", "count"})
public record PlaceMention(String id, String name, String country, double lat, double lon, int count) {
}
