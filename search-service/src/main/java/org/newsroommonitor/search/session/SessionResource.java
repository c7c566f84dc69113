package org.newsroommonitor.search.session;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The newsroom UI's session: who is signed in ({@code GET /api/session}), and signing out
 * ({@code POST /api/session/sign-out}, which ends the form-authentication cookie). Signing in is Quarkus' form
 * authentication: {@code POST /j_security_check} with {@code j_username} and {@code j_password} sets the encrypted
 * session cookie (docs/SECURITY.md). Open to anyone: an anonymous caller is told nobody is signed in.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SessionResource {

    /** Who is signed in: {@code user} null and no roles when nobody is. */
    public record Session(String user, List<String> roles) {
    }

    private final SecurityIdentity caller;
    private final String cookieName;

    public SessionResource(SecurityIdentity caller,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.caller = caller;
        this.cookieName = cookieName;
    }

    @GET
    @Operation(summary = "Who is signed in: {user, roles}; user null when nobody is")
    public Session session() {
        if (caller.isAnonymous()) {
            return new Session(null, List.of());
        }
        return new Session(caller.getPrincipal().getName(), caller.getRoles().stream().sorted().toList());
    }

    @POST
    @Path("/sign-out")
    @Operation(summary = "Sign out of the UI: the session cookie is removed")
    public Session signOut(HttpServerResponse response) {
        response.addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        return new Session(null, List.of());
    }
}
