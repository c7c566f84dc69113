package org.newsroommonitor.classify.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroommonitor.edges.ErrorMappers;

/** A test-only endpoint that fails as a bug would, for the 500 answer of {@link ErrorMappers}. */
@Path("/test/failure")
public class FailingResource {

    static final String SECRET = "detail only the log may see";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
