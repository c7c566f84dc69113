package org.newsroommonitor.ingest.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which IP addresses a feed may be fetched from: only public unicast ones. Refused are loopback, private
 * (RFC 1918), link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT 100.64.0.0/10,
 * multicast, broadcast and reserved ranges, the unspecified address, documentation and benchmarking ranges, and in
 * IPv6 unique-local fc00::/7, site- and link-local, IPv4-mapped and IPv4-compatible addresses, Teredo, and NAT64 /
 * 6to4 addresses that embed a refused IPv4 address. Exceptions are made only by {@link AllowedHosts}.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why {@code address} is refused, in plain words ("a loopback address"), or {@code null} when it is public. */
    public static String whyRefused(InetAddress address) {
        if (address instanceof Inet4Address) {
            return whyRefusedV4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return whyRefusedV6(address.getAddress());
        }
        return "an address of an unknown kind";
    }

    private static String whyRefusedV4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        int c = ip[2] & 0xff;
        if (a == 0) {
            return "an unspecified address (0.0.0.0/8)";
        }
        if (a == 127) {
            return "a loopback address";
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return "a private network address";
        }
        if (a == 169 && b == 254) {
            return "a link-local address (cloud metadata services live there)";
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return "a carrier-grade NAT address (100.64.0.0/10)";
        }
        if (a == 192 && b == 0 && c == 0) {
            return "an IETF protocol address (192.0.0.0/24)";
        }
        if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return "a documentation address";
        }
        if (a == 198 && (b == 18 || b == 19)) {
            return "a benchmarking address (198.18.0.0/15)";
        }
        if (a >= 224 && a <= 239) {
            return "a multicast address";
        }
        if (a >= 240) {
            return "a reserved or broadcast address (240.0.0.0/4)";
        }
        return null;
    }

    private static String whyRefusedV6(byte[] ip) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            first10Zero &= ip[i] == 0;
        }
        if (first10Zero && ip[10] == 0 && ip[11] == 0) {
            boolean rest = true;
            for (int i = 12; i < 15; i++) {
                rest &= ip[i] == 0;
            }
            if (rest && ip[15] == 0) {
                return "the unspecified address (::)";
            }
            if (rest && ip[15] == 1) {
                return "a loopback address";
            }
            return "an IPv4-compatible IPv6 address (::/96)";
        }
        if (first10Zero && (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff) {
            return "an IPv4-mapped IPv6 address (::ffff:0:0/96)";
        }
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        if (first == 0xff) {
            return "a multicast address";
        }
        if ((first & 0xfe) == 0xfc) {
            return "a unique-local address (fc00::/7)";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "a link-local address (fe80::/10)";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "a site-local address (fec0::/10)";
        }
        if (first == 0x01 && second == 0x00 && allZero(ip, 2, 8)) {
            return "a discard-only address (100::/64)";
        }
        if (first == 0x20 && second == 0x01) {
            int third = ip[2] & 0xff;
            int fourth = ip[3] & 0xff;
            if (third == 0x00 && fourth == 0x00) {
                return "a Teredo tunnel address (2001::/32)";
            }
            if (third == 0x0d && fourth == 0xb8) {
                return "a documentation address (2001:db8::/32)";
            }
            if (third == 0x00 && (fourth & 0xf0) == 0x10) {
                return "an ORCHID address (2001:10::/28)";
            }
        }
        if (first == 0x20 && second == 0x02) {
            String embedded = whyRefusedV4(new byte[] {ip[2], ip[3], ip[4], ip[5]});
            return embedded == null ? null : "a 6to4 address embedding " + embedded;
        }
        if (first == 0x00 && second == 0x64 && (ip[2] & 0xff) == 0xff && (ip[3] & 0xff) == 0x9b) {
            String embedded = whyRefusedV4(new byte[] {ip[12], ip[13], ip[14], ip[15]});
            return embedded == null ? null : "a NAT64 address embedding " + embedded;
        }
        return null;
    }

    private static boolean allZero(byte[] ip, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The address of an IP literal ({@code 10.0.0.1}, {@code ::1}, {@code [::1]}) without DNS; else {@code null}. */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksV4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean looksV6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!looksV4 && !looksV6) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
