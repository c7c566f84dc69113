package org.newsroommonitor.ingest.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1|a loopback address",
            "127.255.0.9|a loopback address",
            "10.0.0.1|a private network address",
            "172.16.0.1|a private network address",
            "172.31.255.255|a private network address",
            "192.168.1.1|a private network address",
            "169.254.169.254|a link-local address (cloud metadata services live there)",
            "100.64.0.1|a carrier-grade NAT address (100.64.0.0/10)",
            "100.127.255.254|a carrier-grade NAT address (100.64.0.0/10)",
            "0.0.0.0|an unspecified address (0.0.0.0/8)",
            "224.0.0.1|a multicast address",
            "255.255.255.255|a reserved or broadcast address (240.0.0.0/4)",
            "192.0.2.10|a documentation address",
            "198.18.0.1|a benchmarking address (198.18.0.0/15)",
            "::|the unspecified address (::)",
            "::1|a loopback address",
            "::7f00:1|an IPv4-compatible IPv6 address (::/96)",
            "fc00::1|a unique-local address (fc00::/7)",
            "fd12:3456::1|a unique-local address (fc00::/7)",
            "fe80::1|a link-local address (fe80::/10)",
            "fec0::1|a site-local address (fec0::/10)",
            "ff02::1|a multicast address",
            "2001:db8::1|a documentation address (2001:db8::/32)",
            "2001:0:4136:e378::1|a Teredo tunnel address (2001::/32)",
            "2002:7f00:1::|a 6to4 address embedding a loopback address",
            "64:ff9b::a9fe:a9fe|a NAT64 address embedding a link-local address (cloud metadata services live there)",
    })
    void refusesInternalAddresses(String address, String reason) throws Exception {
        assertThat(AddressPolicy.whyRefused(InetAddress.getByName(address))).isEqualTo(reason);
    }

    @Test
    void anIpv4MappedAddressIsCheckedAsTheIpv4AddressItMaps() throws Exception {
        // Java itself turns ::ffff:a.b.c.d into the IPv4 address, which is then checked as such
        assertThat(AddressPolicy.whyRefused(InetAddress.getByName("::ffff:127.0.0.1"))).isEqualTo("a loopback address");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        assertThat(AddressPolicy.whyRefused(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .isEqualTo("an IPv4-mapped IPv6 address (::ffff:0:0/96)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "2002:5db8:d822::1", "64:ff9b::808:808"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(AddressPolicy.whyRefused(InetAddress.getByName(address))).isNull();
    }

    @Test
    void anAllowListEntryOpensExactlyThatHostAndPort() throws Exception {
        AllowedHosts allowed = AllowedHosts.of(List.of("127.0.0.1:8090", " [::1]:8091 ", "Feeds.Intranet:8443"));
        assertThat(allowed.allows("127.0.0.1", 8090)).isTrue();
        assertThat(allowed.allows(InetAddress.getByName("127.0.0.1"), 8090)).isTrue();
        assertThat(allowed.allows("127.0.0.1", 9092)).isFalse();
        assertThat(allowed.allows(InetAddress.getByName("127.0.0.1"), 9200)).isFalse();
        assertThat(allowed.allows("[0:0:0:0:0:0:0:1]", 8091)).isTrue();
        assertThat(allowed.allows("feeds.intranet", 8443)).isTrue();
        assertThat(allowed.allows("feeds.intranet", 443)).isFalse();
        assertThat(AllowedHosts.none().allows("127.0.0.1", 8090)).isFalse();
    }

    @Test
    void aMalformedAllowListEntryIsRejectedByName() {
        assertThatThrownBy(() -> AllowedHosts.of(List.of("127.0.0.1")))
                .hasMessage("newsroom.ingest.allowed-hosts: '127.0.0.1' is not host:port (IPv6 as [::1]:8090)");
        assertThatThrownBy(() -> AllowedHosts.of(List.of("127.0.0.1:http")))
                .hasMessage("newsroom.ingest.allowed-hosts: '127.0.0.1:http' has no valid port");
    }

    @Test
    void theGuardResolvesAndRefusesAHostNameOfAnInternalAddress() {
        AllowedHosts sampleFeeds = AllowedHosts.of(List.of("127.0.0.1:8090"));
        assertThatThrownBy(() -> GuardedDnsResolver.check("localhost", 9092, sampleFeeds))
                .isInstanceOf(GuardedDnsResolver.RefusedAddressException.class)
                .hasMessageStartingWith("localhost (")
                .hasMessageContaining("is a loopback address");
    }
}
