package com.cspdesk.adapters.web.clientaddress;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cspdesk.trusted-proxies: addresses and CIDR ranges, IPv4 and IPv6, checked at start-up. */
class TrustedProxiesTest {

    @Test
    void nothingConfiguredTrustsNoOne() {
        for (String none : new String[] {null, "", " ", " , "}) {
            TrustedProxies proxies = new TrustedProxies(none);
            assertThat(proxies.trusts("127.0.0.1")).as(String.valueOf(none)).isFalse();
            assertThat(proxies.trusts("10.0.0.1")).isFalse();
        }
    }

    @Test
    void anIpv4RangeEndsExactlyAtItsPrefix() {
        TrustedProxies proxies = new TrustedProxies("10.1.2.0/23");

        trusted(proxies, "10.1.2.0", "10.1.3.255");
        notTrusted(proxies, "10.1.1.255", "10.1.4.0");
    }

    @Test
    void prefixesAtTheirEdgesAndSingleAddresses() {
        TrustedProxies proxies = new TrustedProxies("192.168.1.5, 172.16.0.0/12");

        trusted(proxies, "192.168.1.5", "172.31.255.255", "172.16.0.0");
        notTrusted(proxies, "192.168.1.6", "172.32.0.0", "172.15.255.255");
        trusted(new TrustedProxies("0.0.0.0/0"), "203.0.113.9", "0.0.0.0", "255.255.255.255");
        notTrusted(new TrustedProxies("0.0.0.0/0"), "2001:db8::1");
        trusted(new TrustedProxies("10.0.0.1/32"), "10.0.0.1");
        notTrusted(new TrustedProxies("10.0.0.1/32"), "10.0.0.0", "10.0.0.2");
    }

    @Test
    void ipv6RangesAndAddresses() {
        TrustedProxies proxies = new TrustedProxies("2001:db8:abcd::/48,::1,[fd00::7]");

        trusted(proxies, "2001:db8:abcd::1", "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "::1", "[::1]", "0:0:0:0:0:0:0:1", "fd00::7");
        notTrusted(proxies, "2001:db8:abce::", "2001:db8:abcc:ffff::", "127.0.0.1", "fd00::8");
        trusted(new TrustedProxies("2001:db8::/33"), "2001:db8:7fff::1");
        notTrusted(new TrustedProxies("2001:db8::/33"), "2001:db8:8000::1");
    }

    @Test
    void garbageAndHostNamesAreNeverTrustedAndNeverLookedUp() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");

        assertThat(proxies.trusts(null)).isFalse();
        notTrusted(proxies, "", "unknown", "localhost", "proxy.example", "10.0.0", "10.0.0.1.2",
                "10.0.0.1:8080", "[10.0.0.1", "10.0.0.1/8", "999.0.0.1", "<script>");
        trusted(proxies, " 10.0.0.1 ");
    }

    @Test
    void aWrongEntryStopsTheStart() {
        for (String wrong : new String[] {"proxy.example", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/x",
                "::1/129", "10.0.0", "10.0.0.1,nonsense", "10.0.0.0/8/8"}) {
            assertThatThrownBy(() -> new TrustedProxies(wrong)).as(wrong).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cspdesk.trusted-proxies");
        }
    }

    private static void trusted(TrustedProxies proxies, String... addresses) {
        for (String address : addresses) {
            assertThat(proxies.trusts(address)).as(address).isTrue();
        }
    }

    private static void notTrusted(TrustedProxies proxies, String... addresses) {
        for (String address : addresses) {
            assertThat(proxies.trusts(address)).as(address).isFalse();
        }
    }
}
