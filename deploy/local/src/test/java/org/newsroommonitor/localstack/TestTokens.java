package org.newsroommonitor.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OIDC bearer tokens for the services' tests, as an OIDC provider such as Keycloak signs them (RS256 JWTs), with no
 * provider: the services' OIDC test profile ({@link #oidcConfig()}) trusts the public half of an RSA key made at
 * test time, and the tests sign tokens with its private half. Nothing here is a secret or leaves the JVM.
 *
 * <p>One key per JVM across class loaders: Quarkus loads test code anew for every test profile, so the first copy of
 * this class publishes the key pair as system properties and later copies read it from there.
 */
public final class TestTokens {

    /** The issuer the test profile expects (a Keycloak realm's URL; never contacted). */
    public static final String ISSUER = "https://sso.newsroom.test/realms/newsroom";
    /** The audience the test profile expects (the client of the newsroom APIs). */
    public static final String AUDIENCE = "newsroom-api";

    /** Users that exist only as tokens, not as embedded users: their names prove where a principal came from. */
    public static final String ADMIN = "ada.admin";
    public static final String EDITOR = "dana.editor";
    public static final String OTHER_EDITOR = "sami.editor";

    private static final String PUBLIC_KEY_PROPERTY = "newsroom.test-tokens.public-key";
    private static final String PRIVATE_KEY_PROPERTY = "newsroom.test-tokens.private-key";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    /**
     * The configuration that switches a service's OIDC on for a test profile: bearer tokens of {@link #ISSUER} for
     * {@link #AUDIENCE}, verified with the test key (no discovery, no network).
     */
    public static Map<String, String> oidcConfig() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.client-id", AUDIENCE,
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    /** The test key's public half, base64 X.509 DER, as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        keys();
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    /** A valid token for the user, its roles in the claim {@code groups} (a generic OIDC provider). */
    public static String token(String user, String... roles) {
        return sign(claims(user, ISSUER, AUDIENCE, Instant.now().plus(LIFETIME), "groups", roles), testKey());
    }

    /** A valid token for the user, its roles where Keycloak puts a realm's roles: {@code realm_access.roles}. */
    public static String keycloakToken(String user, String... roles) {
        Map<String, Object> claims = claims(user, ISSUER, AUDIENCE, Instant.now().plus(LIFETIME), null);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return sign(claims, testKey());
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String user, String... roles) {
        return sign(claims(user, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(1)), "groups", roles),
                testKey());
    }

    /** A token signed with the test key but issued by someone else. */
    public static String tokenOfIssuer(String issuer, String user, String... roles) {
        return sign(claims(user, issuer, AUDIENCE, Instant.now().plus(LIFETIME), "groups", roles), testKey());
    }

    /** A token signed with the test key, issued by the expected issuer, but for another audience. */
    public static String tokenForAudience(String audience, String user, String... roles) {
        return sign(claims(user, ISSUER, audience, Instant.now().plus(LIFETIME), "groups", roles), testKey());
    }

    /** A token with every expected claim, signed by a key nobody trusts. */
    public static String tokenOfAnotherKey(String user, String... roles) {
        return sign(claims(user, ISSUER, AUDIENCE, Instant.now().plus(LIFETIME), "groups", roles),
                rsaKeyPair().getPrivate());
    }

    /**
     * Tokens for {@code user} with {@code roles} that a service must refuse with 401: expired, of another issuer, for
     * another audience, signed by another key, and one that is no JWT at all.
     */
    public static List<String> untrustedTokens(String user, String... roles) {
        return List.of(expiredToken(user, roles),
                tokenOfIssuer("https://sso.elsewhere.test/realms/newsroom", user, roles),
                tokenForAudience("another-client", user, roles),
                tokenOfAnotherKey(user, roles),
                "not-a-token");
    }

    /** A request that sends the token as {@code Authorization: Bearer}. */
    public static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request as the token admin ({@link #ADMIN}, role {@code admin}). */
    public static RequestSpecification asTokenAdmin() {
        return bearer(token(ADMIN, "admin"));
    }

    /** A request as the token editor ({@link #EDITOR}, role {@code editor}, Keycloak's claim). */
    public static RequestSpecification asTokenEditor() {
        return bearer(keycloakToken(EDITOR, "editor"));
    }

    /** A request as the other token editor ({@link #OTHER_EDITOR}, role {@code editor}). */
    public static RequestSpecification asOtherTokenEditor() {
        return bearer(token(OTHER_EDITOR, "editor"));
    }

    private static Map<String, Object> claims(String user, String issuer, String audience, Instant expires,
                                              String rolesClaim, String... roles) {
        Instant issued = expires.minus(LIFETIME);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("preferred_username", user);
        claims.put("iat", issued.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        if (rolesClaim != null) {
            claims.put(rolesClaim, List.of(roles));
        }
        return claims;
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String header = base64.encodeToString(JSON.writeValueAsBytes(
                    Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64.encodeToString(rs256.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey testKey() {
        keys();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY_PROPERTY))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test key", e);
        }
    }

    /** Makes the JVM's test key once and publishes both halves as system properties. */
    private static void keys() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PRIVATE_KEY_PROPERTY) == null) {
                KeyPair pair = rsaKeyPair();
                System.setProperty(PUBLIC_KEY_PROPERTY,
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                System.setProperty(PRIVATE_KEY_PROPERTY,
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            }
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA here", e);
        }
    }
}
