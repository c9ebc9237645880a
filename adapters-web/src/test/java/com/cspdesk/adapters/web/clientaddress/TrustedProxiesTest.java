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
            assertThat(proxies.any()).as(String.valueOf(none)).isFalse();
            assertThat(proxies.trusts("127.0.0.1")).isFalse();
            assertThat(proxies.trusts("10.0.0.1")).isFalse();
        }
    }

    @Test
    void anIpv4RangeEndsExactlyAtItsPrefix() {
        TrustedProxies proxies = new TrustedProxies("10.1.2.0/23");

        assertThat(proxies.trusts("10.1.2.0")).isTrue();
        assertThat(proxies.trusts("10.1.3.255")).isTrue();
        assertThat(proxies.trusts("10.1.1.255")).as("just below").isFalse();
        assertThat(proxies.trusts("10.1.4.0")).as("just above").isFalse();
    }

    @Test
    void prefixesAtTheirEdgesAndSingleAddresses() {
        TrustedProxies proxies = new TrustedProxies("192.168.1.5, 172.16.0.0/12");

        assertThat(proxies.trusts("192.168.1.5")).isTrue();
        assertThat(proxies.trusts("192.168.1.6")).isFalse();
        assertThat(proxies.trusts("172.31.255.255")).isTrue();
        assertThat(proxies.trusts("172.32.0.0")).isFalse();
        assertThat(new TrustedProxies("0.0.0.0/0").trusts("203.0.113.9")).as("/0 is everyone of that family").isTrue();
        assertThat(new TrustedProxies("0.0.0.0/0").trusts("2001:db8::1")).as("but not of the other family").isFalse();
        assertThat(new TrustedProxies("10.0.0.1/32").trusts("10.0.0.1")).isTrue();
        assertThat(new TrustedProxies("10.0.0.1/32").trusts("10.0.0.0")).isFalse();
    }

    @Test
    void ipv6RangesAndAddresses() {
        TrustedProxies proxies = new TrustedProxies("2001:db8:abcd::/48,::1,[fd00::7]");

        assertThat(proxies.trusts("2001:db8:abcd::1")).isTrue();
        assertThat(proxies.trusts("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(proxies.trusts("2001:db8:abce::")).as("just above").isFalse();
        assertThat(proxies.trusts("2001:db8:abcc:ffff::")).as("just below").isFalse();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("[::1]")).isTrue();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).as("the same address written out").isTrue();
        assertThat(proxies.trusts("fd00::7")).isTrue();
        assertThat(proxies.trusts("127.0.0.1")).as("IPv4 loopback is not ::1").isFalse();
        assertThat(new TrustedProxies("2001:db8::/33").trusts("2001:db8:7fff::1")).isTrue();
        assertThat(new TrustedProxies("2001:db8::/33").trusts("2001:db8:8000::1")).isFalse();
    }

    @Test
    void garbageAndHostNamesAreNeverTrustedAndNeverLookedUp() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");

        for (String garbage : new String[] {null, "", "unknown", "localhost", "proxy.example", "10.0.0", "10.0.0.1.2",
                "10.0.0.1:8080", "[10.0.0.1", "10.0.0.1/8", "999.0.0.1", "<script>"}) {
            assertThat(proxies.trusts(garbage)).as(String.valueOf(garbage)).isFalse();
        }
        assertThat(proxies.trusts(" 10.0.0.1 ")).isTrue();
    }

    @Test
    void aWrongEntryStopsTheStart() {
        for (String wrong : new String[] {"proxy.example", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/x",
                "::1/129", "10.0.0", "10.0.0.1,nonsense", "10.0.0.0/8/8"}) {
            assertThatThrownBy(() -> new TrustedProxies(wrong)).as(wrong).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cspdesk.trusted-proxies");
        }
    }
}
