package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.adapters.http.webhooks.DestinationAddressResolver.NoAddress;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check on connect, with a name service that says whatever the test needs (no network). */
class DestinationAddressResolverTest {

    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final byte[] PRIVATE = {10, 0, 0, 1};
    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};
    private static final byte[] OTHER_PUBLIC = {8, 8, 8, 8};

    private static DestinationAddressResolver.Lookup resolvingTo(byte[]... addresses) {
        return host -> {
            InetAddress[] all = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                all[i] = InetAddress.getByAddress(host, addresses[i]);
            }
            return all;
        };
    }

    private static DestinationAddressResolver strict(DestinationAddressResolver.Lookup lookup) {
        return new DestinationAddressResolver(WebhookDestinationPolicy.strict(), lookup);
    }

    private static void assertRefused(DestinationAddressResolver resolver, String host, Failure failure) {
        assertThatThrownBy(() -> resolver.resolve(host))
                .isInstanceOfSatisfying(NoAddress.class, refused -> assertThat(refused.failure()).isEqualTo(failure));
    }

    @Test
    void a_name_resolving_to_public_addresses_passes_with_exactly_those_addresses() throws UnknownHostException {
        InetAddress[] addresses = strict(resolvingTo(PUBLIC, OTHER_PUBLIC)).resolve("receiver.example");

        assertThat(addresses).extracting(InetAddress::getAddress).containsExactly(PUBLIC, OTHER_PUBLIC);
    }

    @Test
    void a_name_resolving_to_loopback_a_private_or_a_metadata_address_is_refused() {
        assertRefused(strict(resolvingTo(LOOPBACK)), "receiver.example", Failure.ADDRESS_NOT_ALLOWED);
        assertRefused(strict(resolvingTo(PRIVATE)), "receiver.example", Failure.ADDRESS_NOT_ALLOWED);
        assertRefused(strict(resolvingTo(METADATA)), "receiver.example", Failure.ADDRESS_NOT_ALLOWED);
    }

    @Test
    void one_forbidden_address_among_public_ones_refuses_the_name() {
        assertRefused(strict(resolvingTo(PUBLIC, PRIVATE)), "receiver.example", Failure.ADDRESS_NOT_ALLOWED);
    }

    @Test
    void a_name_with_no_address_is_unresolvable() {
        assertRefused(strict(resolvingTo()), "receiver.example", Failure.UNRESOLVABLE);
        assertRefused(strict(host -> null), "receiver.example", Failure.UNRESOLVABLE);
        assertRefused(strict(host -> {
            throw new UnknownHostException(host);
        }), "receiver.example", Failure.UNRESOLVABLE);
    }

    @Test
    void a_lookup_that_gave_up_keeps_its_reason() {
        assertRefused(strict(host -> {
            throw new NoAddress(host, Failure.TIMED_OUT);
        }), "receiver.example", Failure.TIMED_OUT);
    }

    @Test
    void a_refusal_is_an_unknown_host_to_the_client_so_it_connects_nowhere() {
        assertThatThrownBy(() -> strict(resolvingTo(LOOPBACK)).resolve("receiver.example"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void with_a_port_the_same_judgement_holds() throws UnknownHostException {
        assertThat(strict(resolvingTo(PUBLIC)).resolve("receiver.example", 8443))
                .containsExactly(new InetSocketAddress(InetAddress.getByAddress(PUBLIC), 8443));
        assertThatThrownBy(() -> strict(resolvingTo(PRIVATE)).resolve("receiver.example", 8443))
                .isInstanceOf(NoAddress.class);
    }

    @Test
    void a_host_allowed_by_configuration_passes_on_its_name_whatever_it_resolves_to() throws UnknownHostException {
        DestinationAddressResolver resolver = new DestinationAddressResolver(
                new WebhookDestinationPolicy(List.of("Receiver.Example", "[::1]")), resolvingTo(LOOPBACK));

        assertThat(resolver.resolve("receiver.example")).extracting(InetAddress::getAddress).containsExactly(LOOPBACK);
        assertThat(resolver.resolve("RECEIVER.example.")).hasSize(1);
        assertThat(resolver.resolve("::1")).hasSize(1);
        assertRefused(resolver, "other.example", Failure.ADDRESS_NOT_ALLOWED);
    }

    @Test
    void an_allowed_host_that_resolves_to_nothing_is_still_unresolvable() {
        DestinationAddressResolver resolver = new DestinationAddressResolver(
                new WebhookDestinationPolicy(List.of("receiver.example")), resolvingTo());

        assertRefused(resolver, "receiver.example", Failure.UNRESOLVABLE);
    }

    @Test
    void the_canonical_name_is_never_looked_up() {
        DestinationAddressResolver resolver = strict(host -> {
            throw new AssertionError("no lookup");
        });

        assertThat(resolver.resolveCanonicalHostname("receiver.example")).isEqualTo("receiver.example");
    }
}
