package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A place of the gazetteer named in an article ({@code places[]}).
 *
 * @param country ISO 3166-1 alpha-2 code, or null
 * @param lat     WGS 84 latitude (approximate; centroids for countries and regions), or null
 * @param lon     WGS 84 longitude, or null
 * @param count   how often it is named in title, summary and text together
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "country", "lat", "lon", "count"})
public record Place(String id, String name, String country, Double lat, Double lon, int count) {

    /** True when lat and lon are present and on the globe. */
    public boolean hasLocation() {
        return lat != null && lon != null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }
}
