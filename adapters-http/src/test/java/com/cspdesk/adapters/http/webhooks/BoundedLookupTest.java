package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.adapters.http.webhooks.DestinationAddressResolver.NoAddress;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A lookup the receiver's name servers could make hang: the attempt stops waiting for it. */
class BoundedLookupTest {

    private final CountDownLatch never = new CountDownLatch(1);
    private BoundedLookup bounded;

    @AfterEach
    void close() {
        never.countDown();
        bounded.close();
    }

    @Test
    void a_lookup_in_time_gives_its_addresses() throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress("receiver.example", new byte[] {93, (byte) 184, (byte) 216, 34});
        bounded = new BoundedLookup(host -> new InetAddress[] {address}, Duration.ofSeconds(5));

        assertThat(bounded.allAddressesOf("receiver.example")).containsExactly(address);
    }

    @Test
    void a_name_the_lookup_does_not_know_stays_unknown() {
        bounded = new BoundedLookup(host -> {
            throw new UnknownHostException(host);
        }, Duration.ofSeconds(5));

        assertThatThrownBy(() -> bounded.allAddressesOf("receiver.example"))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(NoAddress.class);
    }

    @Test
    void a_lookup_that_hangs_has_timed_out() {
        bounded = new BoundedLookup(host -> {
            awaitUninterruptibly();
            return new InetAddress[0];
        }, Duration.ofMillis(100));

        assertThatThrownBy(() -> bounded.allAddressesOf("receiver.example"))
                .isInstanceOfSatisfying(NoAddress.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMED_OUT));
    }

    @Test
    void when_every_thread_is_held_by_a_hanging_lookup_the_next_one_fails_at_once() {
        bounded = new BoundedLookup(host -> {
            if (host.startsWith("hang")) {
                awaitUninterruptibly();
            }
            return new InetAddress[0];
        }, Duration.ofMillis(50));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> bounded.allAddressesOf("hang.example")).isInstanceOf(NoAddress.class);
        }

        // This name answers at once: only a full pool explains a failure.
        assertThatThrownBy(() -> bounded.allAddressesOf("receiver.example"))
                .isInstanceOfSatisfying(NoAddress.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMED_OUT));
    }

    /** Like the system resolver, which an interrupt does not stop. */
    private void awaitUninterruptibly() {
        while (never.getCount() > 0) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // ignored on purpose
            }
        }
    }
}
