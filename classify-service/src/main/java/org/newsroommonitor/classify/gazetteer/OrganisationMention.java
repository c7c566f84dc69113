package org.newsroommonitor.classify.gazetteer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An organisation named in an article ({@code organisations[]} on the wire), with how often it is named. */
@JsonPropertyOrder({"id", "name", "count"})
public record OrganisationMention(String id, String name, int count) {
}
