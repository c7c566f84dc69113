package org.newsroommonitor.ingest.net;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The explicit exceptions to {@link AddressPolicy}: {@code host:port} entries ({@code 127.0.0.1:8090},
 * {@code [::1]:8090}, {@code feeds.intranet:8443}) from {@code newsroom.ingest.allowed-hosts}. An entry opens
 * exactly that host (or address) on exactly that port: allowing the local sample-feed server does not open Kafka,
 * Elasticsearch or the services on the same address.
 */
public final class AllowedHosts {

    private static final AllowedHosts NONE = new AllowedHosts(Set.of());

    private final Set<String> entries;

    private AllowedHosts(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    public static AllowedHosts none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not {@code host:port}
     */
    public static AllowedHosts of(List<String> entries) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String trimmed = entry.strip();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1 || (trimmed.indexOf(':') != colon
                    && !trimmed.startsWith("["))) {
                throw new IllegalArgumentException("newsroom.ingest.allowed-hosts: '" + trimmed
                        + "' is not host:port (IPv6 as [::1]:8090)");
            }
            int port;
            try {
                port = Integer.parseInt(trimmed.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("newsroom.ingest.allowed-hosts: '" + trimmed
                        + "' has no valid port");
            }
            parsed.add(key(trimmed.substring(0, colon), port));
        }
        return new AllowedHosts(parsed);
    }

    /** Whether {@code host} (a name or an IP literal) on {@code port} is explicitly allowed. */
    public boolean allows(String host, int port) {
        return !entries.isEmpty() && entries.contains(key(host, port));
    }

    /** Whether the address {@code address} on {@code port} is explicitly allowed. */
    public boolean allows(InetAddress address, int port) {
        return !entries.isEmpty() && entries.contains(address.getHostAddress().toLowerCase(Locale.ROOT) + ":" + port);
    }

    private static String key(String host, int port) {
        InetAddress literal = AddressPolicy.literal(host);
        String normal = literal != null ? literal.getHostAddress() : host;
        return normal.toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }
}
