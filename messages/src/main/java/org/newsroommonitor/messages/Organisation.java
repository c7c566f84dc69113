package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An organisation of the gazetteer named in an article ({@code organisations[]}), {@code count} times. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "name", "count"})
public record Organisation(String id, String name, int count) {
}
