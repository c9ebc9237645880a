package com.cspdesk.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The ranges a webhook may not reach, at their edges, and the literals read without a look-up. */
class IpAddressesTest {

    private static boolean forbidden(String literal) {
        return IpAddresses.isForbidden(IpAddresses.literal(literal).orElseThrow(() -> new AssertionError(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.255.255.255", "10.0.0.0", "10.255.255.255", "100.64.0.0", "100.127.255.255", "100.100.100.200",
            "127.0.0.1", "127.255.255.254", "169.254.0.0", "169.254.169.254", "169.254.255.255", "172.16.0.0",
            "172.31.255.255", "192.168.0.0", "192.168.255.255", "192.0.0.0", "192.0.0.255", "224.0.0.0", "239.255.255.255",
            "240.0.0.1", "255.255.255.255",
            "::", "::1", "[::1]", "fe80::1", "[fe80::1%25eth0]", "fe80::1%eth0", "febf:ffff::1", "fec0::1", "fc00::", "fd00:ec2::254",
            "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ff02::1", "ff00::", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1",
            "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1",
            "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0000"})
    void loopback_link_local_private_unspecified_multicast_metadata_and_their_ipv6_forms_are_forbidden(String literal) {
        assertThat(forbidden(literal)).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0",
            "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "192.0.1.0",
            "223.255.255.255", "203.0.113.10", "93.184.216.34",
            "2001:db8::1", "2606:4700:4700::1111", "fbff:ffff::1", "fe00::1", "fe7f::1:1:1:1:1",
            "fe7f::1", "::ffff:93.184.216.34", "64:ff9b::93.184.216.34", "2002:5db8:d822::1",
            "2a00:1450:4001:82a::200e"})
    void public_addresses_are_not(String literal) {
        assertThat(forbidden(literal)).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "256.1.1.1", "1.1.1", "1.1.1.1.1", "1..1.1", "01234.1.1.1",
            "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "g::1", "1:2:3:4:5:6:7::8:9", "::1.1.1", "[::1"})
    void what_is_not_a_literal_is_not_read_as_one(String text) {
        assertThat(IpAddresses.literal(text)).as(text).isEmpty();
    }

    @Test
    void literals_read_to_their_bytes() {
        assertThat(IpAddresses.literal("192.0.2.1")).hasValueSatisfying(b -> assertThat(b).containsExactly(192, 0, 2, 1));
        assertThat(IpAddresses.literal("[2001:db8::ff00:42:8329]")).hasValueSatisfying(b -> assertThat(b).containsExactly(
                0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29));
        assertThat(IpAddresses.literal("::ffff:1.2.3.4")).hasValueSatisfying(b -> assertThat(b).containsExactly(
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4));
    }

    @Test
    void a_cidr_range_holds_exactly_its_addresses() {
        byte[] network = {(byte) 172, 16, 0, 0};
        assertThat(IpAddresses.inRange(network, 12, new byte[] {(byte) 172, 31, (byte) 255, (byte) 255})).isTrue();
        assertThat(IpAddresses.inRange(network, 12, new byte[] {(byte) 172, 32, 0, 0})).isFalse();
        assertThat(IpAddresses.inRange(network, 0, new byte[] {1, 2, 3, 4})).isTrue();
        assertThat(IpAddresses.inRange(network, 32, new byte[] {(byte) 172, 16, 0, 1})).isFalse();
        assertThat(IpAddresses.inRange(network, 8, new byte[16])).as("another length").isFalse();
    }

    @Test
    void an_address_of_another_length_is_forbidden() {
        assertThat(IpAddresses.isForbidden(new byte[5])).isTrue();
        assertThat(IpAddresses.isForbidden(null)).isTrue();
    }
}
