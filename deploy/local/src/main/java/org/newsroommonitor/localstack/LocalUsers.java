package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The users of the local stack: an {@code admin} and an {@code editor} with random passwords, made on the first
 * run under the data directory and reused by every later one (docs/SECURITY.md). Two files, both readable only by
 * their owner:
 * <ul>
 *   <li>{@value #CREDENTIALS}: the user names and passwords, and the session cookie's key, for the person running
 *       the stack (and for the system tests);</li>
 *   <li>{@value #SERVICE_CONFIG}: what the services get ({@code QUARKUS_CONFIG_LOCATIONS}): the embedded users with
 *       their passwords hashed as Quarkus checks them, their roles, and the session cookie's key.</li>
 * </ul>
 * Nothing of it is in the repository.
 */
public final class LocalUsers {

    /** The passwords, one {@code user=password} a line, and {@code session-key}. */
    public static final String CREDENTIALS = "credentials.properties";
    /** The services' security settings, with hashed passwords. */
    public static final String SERVICE_CONFIG = "security.properties";
    /** The realm Quarkus hashes the embedded users' passwords with (its default). */
    static final String REALM = "Quarkus";
    static final String SESSION_KEY = "session-key";

    /** User name -> role of the users made for the local stack. */
    public static final Map<String, String> ROLES = Map.of("admin", "admin", "editor", "editor");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Map<String, String> passwords;
    private final String sessionKey;
    private final boolean created;

    private LocalUsers(Path directory, Map<String, String> passwords, String sessionKey, boolean created) {
        this.directory = directory;
        this.passwords = passwords;
        this.sessionKey = sessionKey;
        this.created = created;
    }

    /**
     * The users kept under {@code directory}, made with random passwords when there are none yet; (re)writes the
     * services' config from them.
     */
    public static LocalUsers createOrReuse(Path directory) {
        try {
            Files.createDirectories(directory);
            Path credentials = directory.resolve(CREDENTIALS);
            boolean created = !Files.exists(credentials);
            Properties stored = new Properties();
            if (!created) {
                try (Reader reader = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String user : ROLES.keySet().stream().sorted().toList()) {
                String password = stored.getProperty(user);
                passwords.put(user, password == null || password.isBlank() ? secret(18) : password);
            }
            String sessionKey = stored.getProperty(SESSION_KEY);
            if (sessionKey == null || sessionKey.length() < 16) {
                sessionKey = secret(32);
            }
            LocalUsers users = new LocalUsers(directory, passwords, sessionKey, created);
            Properties credentialsFile = new Properties();
            passwords.forEach(credentialsFile::setProperty);
            credentialsFile.setProperty(SESSION_KEY, sessionKey);
            writeOwnerOnly(credentials, credentialsFile, "Newsroom Monitor local users (./newsroom run); keep private");
            writeOwnerOnly(users.serviceConfig(), users.serviceProperties(),
                    "Security settings of the local stack's services, made from " + CREDENTIALS);
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local users under " + directory, e);
        }
    }

    /** Whether this run made the users (the first run on this data directory). */
    public boolean created() {
        return created;
    }

    /** User name -> password, sorted by name. */
    public Map<String, String> passwords() {
        return passwords;
    }

    public String password(String user) {
        return passwords.get(user);
    }

    /** The value of an {@code Authorization} header signing in as {@code user} with HTTP Basic. */
    public String basicAuthorization(String user) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** The file with the passwords (owner only). */
    public Path credentialsFile() {
        return directory.resolve(CREDENTIALS);
    }

    /** The file the services read ({@code QUARKUS_CONFIG_LOCATIONS}). */
    public Path serviceConfig() {
        return directory.resolve(SERVICE_CONFIG);
    }

    /** The hash Quarkus' embedded users compare with ({@code digest-sha-512}): hex SHA-512 of user:realm:password. */
    public static String hash(String user, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Properties serviceProperties() {
        Properties config = new Properties();
        passwords.forEach((user, password) -> {
            config.setProperty("quarkus.security.users.embedded.users." + user, hash(user, password));
            config.setProperty("quarkus.security.users.embedded.roles." + user, ROLES.get(user));
        });
        config.setProperty("quarkus.http.auth.session.encryption-key", sessionKey);
        return config;
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void writeOwnerOnly(Path file, Properties content, String comment) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.store(writer, comment);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
