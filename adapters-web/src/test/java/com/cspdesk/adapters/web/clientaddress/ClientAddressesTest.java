package com.cspdesk.adapters.web.clientaddress;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The client address: the peer, unless the peer is a trusted proxy, then the right-most untrusted X-Forwarded-For hop. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new TrustedProxies("10.0.0.0/8,2001:db8::/32"));

    private static HttpRequest<?> from(String peer, String... forwardedFor) {
        MutableHttpRequest<Object> request = HttpRequest.GET("/v1/customers");
        for (String header : forwardedFor) {
            request.getHeaders().add("X-Forwarded-For", header);
        }
        return new HttpRequestWrapper<>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 50000);
            }
        };
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        HttpRequest<?> forged = from("203.0.113.9", "198.51.100.1");

        assertThat(addresses.resolve(forged)).isEqualTo("203.0.113.9");
        assertThat(addresses.viaTrustedProxy(forged)).isFalse();
        assertThat(addresses.resolve(from("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        // The client forged the left-most entry; the proxies appended what they saw.
        HttpRequest<?> request = from("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.5");

        assertThat(addresses.resolve(request)).isEqualTo("198.51.100.7");
        assertThat(addresses.viaTrustedProxy(request)).isTrue();
    }

    @Test
    void severalForwardedForHeadersAreReadAsOneListInOrder() {
        assertThat(addresses.resolve(from("10.0.0.2", "1.2.3.4, 198.51.100.7", "10.0.0.9"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve(from("2001:db8::2", "2001:db8::3, 2001:db9::1"))).isEqualTo("2001:db9::1");
    }

    @Test
    void aTrustedProxyWithoutForwardedForIsItselfTheClient() {
        assertThat(addresses.resolve(from("10.0.0.2"))).isEqualTo("10.0.0.2");
    }

    @Test
    void whenEveryHopIsATrustedProxyTheLeftMostIsTheClient() {
        assertThat(addresses.resolve(from("10.0.0.2", "10.0.0.4, 10.0.0.3"))).isEqualTo("10.0.0.4");
    }

    @Test
    void aGarbageHopEndsTheWalkAtTheLastAddressBelievedSoFar() {
        assertThat(addresses.resolve(from("10.0.0.2", "198.51.100.7, unknown"))).as("garbage right-most").isEqualTo("10.0.0.2");
        assertThat(addresses.resolve(from("10.0.0.2", "evil.example, 10.0.0.3"))).isEqualTo("10.0.0.3");
        assertThat(addresses.resolve(from("10.0.0.2", "1.2.3.4, <script>, 10.0.0.3"))).isEqualTo("10.0.0.3");
        assertThat(addresses.resolve(from("10.0.0.2", ""))).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve(from("10.0.0.2", "198.51.100.7:4711"))).as("a port is not an address").isEqualTo("10.0.0.2");
    }
}
