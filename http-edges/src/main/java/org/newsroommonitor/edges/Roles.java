package org.newsroommonitor.edges;

/**
 * The roles of every service's API (docs/SECURITY.md has the table of who may call what). A user has them from the
 * embedded users' {@code quarkus.security.users.embedded.roles.<name>} or from the roles claim of an OIDC token.
 */
public final class Roles {

    /** Manages the feeds, the taxonomy and the rule test; sees every saved search. */
    public static final String ADMIN = "admin";
    /** Manages their own saved searches and reads everything else. */
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
