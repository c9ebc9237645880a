package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No network needed: the hosts file's localhost, a literal, and the reserved {@code .invalid} (RFC 6761). */
class SystemHostAddressesTest {

    private final SystemHostAddresses addresses = new SystemHostAddresses();

    @Test
    void a_name_resolves_to_every_address_and_a_literal_to_itself() {
        assertThat(addresses.resolve("localhost")).isNotEmpty()
                .allSatisfy(address -> assertThat(address[0] == 127 || address.length == 16).isTrue());
        assertThat(addresses.resolve("192.0.2.7")).singleElement().satisfies(a -> assertThat(a).containsExactly(192, 0, 2, 7));
    }

    @Test
    void a_name_that_does_not_resolve_has_no_address() {
        assertThat(addresses.resolve("no-such-host.invalid")).isEmpty();
    }
}
