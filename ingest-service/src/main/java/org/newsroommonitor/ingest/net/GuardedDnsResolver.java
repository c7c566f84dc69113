package org.newsroommonitor.ingest.net;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The only name resolution the feed client does, for one request to one port: resolves the host and checks every
 * address with {@link AddressPolicy} before the client may connect, and the client connects only to the
 * addresses returned here. So a name that resolves to an internal address (DNS rebinding included: the check is
 * on the very answer used for the connection) is refused, unless {@link AllowedHosts} opens that host or address
 * on that port.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final AllowedHosts allowed;
    private final int port;

    public GuardedDnsResolver(AllowedHosts allowed, int port) {
        this.allowed = allowed;
        this.port = port;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (allowed.allows(host, port)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String reason = AddressPolicy.whyRefused(address);
            if (reason != null && !allowed.allows(address, port)) {
                throw new RefusedAddressException(host, address, port, reason);
            }
        }
        return addresses;
    }

    /** Checks {@code host} on {@code port} as the fetcher would, without connecting. */
    static void check(String host, int port, AllowedHosts allowed) throws UnknownHostException {
        new GuardedDnsResolver(allowed, port).resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // never used for feeds (no Kerberos/SPNEGO); answering without a lookup keeps it outside the guard
    }

    /** The host resolves to an address that is refused. Extends UnknownHostException: the client sees no address. */
    public static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host, InetAddress address, int port, String reason) {
            super(describe(host, address) + " is " + reason + ", which feeds may not be fetched from (to allow it, "
                    + "add " + hostPort(address, port) + " to newsroom.ingest.allowed-hosts)");
        }

        private static String describe(String host, InetAddress address) {
            String ip = address.getHostAddress();
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return bare.equalsIgnoreCase(ip) || AddressPolicy.literal(host) != null ? ip : host + " (" + ip + ")";
        }

        private static String hostPort(InetAddress address, int port) {
            String ip = address.getHostAddress();
            return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
        }
    }
}
