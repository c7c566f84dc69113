package org.newsroommonitor.localstack;

import io.restassured.response.Response;

import static org.hamcrest.Matchers.equalTo;

/** The security headers every service sends on every answer (http-edges' {@code SecurityHeaders}, docs/SECURITY.md). */
public final class SecurityHeaderChecks {

    private SecurityHeaderChecks() {
    }

    /** Asserts that each answer carries the four headers with their exact values. */
    public static void assertSecurityHeaders(Response... answers) {
        for (Response answer : answers) {
            answer.then()
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        }
    }
}
