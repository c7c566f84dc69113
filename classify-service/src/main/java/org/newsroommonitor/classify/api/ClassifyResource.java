package org.newsroommonitor.classify.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TaxonomyReloader;
import org.newsroommonitor.edges.Roles;

/**
 * Lets editors and testers see how a text is classified: {@code POST /api/classify} with
 * {@code {"title", "summary", "text"}} returns {@code {"topics": [...], "taxonomyVersion": "..."}} with the same
 * topics an article with these fields gets on {@code news.classified}. For editors and the admin.
 */
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@Path("/api/classify")
public class ClassifyResource {

    /** Largest text accepted, in characters over all fields. */
    static final int MAX_CHARS = 1_000_000;

    private final TaxonomyReloader taxonomy;

    public ClassifyResource(TaxonomyReloader taxonomy) {
        this.taxonomy = taxonomy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify a text", description = "Body {title, summary, text}, any of them may be missing. "
            + "Answers the topics (with score, matched words and rule hits) an article with these fields gets on "
            + "news.classified, and the taxonomy version.")
    @APIResponse(responseCode = "200", description = "{topics: [...], taxonomyVersion}")
    @APIResponse(responseCode = "400", description = "{\"error\": \"why\"}: no body, malformed JSON, a field that is "
            + "not a string, more than " + MAX_CHARS + " characters")
    @APIResponse(responseCode = "415", description = "{\"error\": \"why\"}: a Content-Type other than JSON")
    public Classification classify(ClassifyRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body with title, summary and/or text is required");
        }
        long length = length(request.title()) + length(request.summary()) + length(request.text());
        if (length > MAX_CHARS) {
            throw new BadRequestException("text too long: " + length + " characters, at most " + MAX_CHARS);
        }
        return taxonomy.current().classify(request.title(), request.summary(), request.text());
    }

    private static long length(String value) {
        return value == null ? 0 : value.length();
    }
}
