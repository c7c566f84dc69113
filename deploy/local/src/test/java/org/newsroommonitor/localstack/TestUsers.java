package org.newsroommonitor.localstack;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The fixed users of the services' test profile ({@code %test.quarkus.security.users.embedded.*} in http-edges'
 * {@code META-INF/microprofile-config.properties}): not secrets, they exist only in tests. Requests as one of them
 * send HTTP Basic credentials preemptively.
 */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String EDITOR = "editor";
    public static final String EDITOR_PASSWORD = "editor-test-password";
    /** A second editor, for what one editor must not see of another's. */
    public static final String OTHER_EDITOR = "other-editor";
    public static final String OTHER_EDITOR_PASSWORD = "other-test-password";

    private TestUsers() {
    }

    /** A request as the admin. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A request as the editor. */
    public static RequestSpecification asEditor() {
        return RestAssured.given().auth().preemptive().basic(EDITOR, EDITOR_PASSWORD);
    }

    /** A request as the other editor. */
    public static RequestSpecification asOtherEditor() {
        return RestAssured.given().auth().preemptive().basic(OTHER_EDITOR, OTHER_EDITOR_PASSWORD);
    }

    /** The {@code Authorization} header of the admin, for requests written by hand. */
    public static String adminAuthorization() {
        return "Authorization: " + basic(ADMIN, ADMIN_PASSWORD);
    }

    /** The value of an HTTP Basic {@code Authorization} header, for clients other than RestAssured. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request without credentials. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
