package com.cspdesk.contracts;

import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.identity.port.out.SignInFailures.Kind;
import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SignInFailures} must do: count each key's failures and keep the last one's
 * instant to the microsecond, start again once they are forgotten, never lose a concurrent
 * failure, keep accounts and addresses apart, clear one key alone, and roll back with its unit of work.
 */
public abstract class SignInFailuresContract extends PortContract {

    private static final Instant T = Instant.parse("2026-12-02T10:15:30.123456Z");
    private static final Instant LONG_AGO = T.minus(1, ChronoUnit.DAYS);

    private static Key account() {
        return Key.account(new Username("user-" + UUID.randomUUID() + "@partner.test"));
    }

    private SignInFailures failures() {
        return port(SignInFailures.class);
    }

    @Test
    void failuresAreCountedWithTheLastInstant() {
        Key key = account();
        assertThat(failures().of(key)).isEmpty();

        assertThat(failures().recordFailure(key, T, LONG_AGO)).isEqualTo(new FailedSignIns(1, T));
        assertThat(failures().recordFailure(key, T.plusSeconds(2), LONG_AGO)).isEqualTo(new FailedSignIns(2, T.plusSeconds(2)));
        assertThat(failures().of(key)).contains(new FailedSignIns(2, T.plusSeconds(2)));
    }

    @Test
    void aForgottenCountStartsAgainAtOneAndOneJustInsideTheMemoryGoesOn() {
        Key key = account();
        failures().recordFailure(key, T, LONG_AGO);
        failures().recordFailure(key, T, LONG_AGO);

        // The last failure exactly at the forgetting instant is forgotten.
        assertThat(failures().recordFailure(key, T.plusSeconds(60), T)).isEqualTo(new FailedSignIns(1, T.plusSeconds(60)));
        assertThat(failures().recordFailure(key, T.plusSeconds(61), T.plusSeconds(60).minusNanos(1000)))
                .isEqualTo(new FailedSignIns(2, T.plusSeconds(61)));
    }

    @Test
    void accountsAndAddressesAreCountedApartAndClearedOneByOne() {
        String name = "shared-" + UUID.randomUUID();
        Key asAccount = new Key(Kind.ACCOUNT, name);
        Key asAddress = new Key(Kind.ADDRESS, name);
        Key asClient = Key.client(name);
        failures().recordFailure(asAccount, T, LONG_AGO);
        failures().recordFailure(asAddress, T, LONG_AGO);
        failures().recordFailure(asAddress, T, LONG_AGO);
        failures().recordFailure(asClient, T, LONG_AGO);
        failures().recordFailure(asClient, T, LONG_AGO);
        failures().recordFailure(asClient, T, LONG_AGO);

        failures().clear(asAccount);

        assertThat(failures().of(asAccount)).isEmpty();
        assertThat(failures().of(asAddress)).contains(new FailedSignIns(2, T));
        assertThat(failures().of(asClient)).contains(new FailedSignIns(3, T));
        failures().clear(asAccount);
        assertThat(failures().recordFailure(asAccount, T, LONG_AGO).count()).isEqualTo(1);
    }

    @Test
    void addressesAreKeptAsTheyAreAndCutToTheLongestKey() {
        Key v6 = Key.address("2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff));
        failures().recordFailure(v6, T, LONG_AGO);
        assertThat(failures().of(v6)).contains(new FailedSignIns(1, T));
        Key longest = Key.address(UUID.randomUUID() + "x".repeat(200));
        assertThat(longest.value()).hasSize(Key.MAXIMUM_LENGTH);
        assertThat(failures().recordFailure(longest, T, LONG_AGO).count()).isEqualTo(1);
        assertThatThrownBy(() -> new Key(Kind.ADDRESS, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentFailuresOfOneKeyAreAllCounted() throws Exception {
        Key key = account();
        int threads = 12;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> inTransaction(() -> failures().recordFailure(key, T, LONG_AGO).count()));
        }
        List<Integer> counts = Concurrently.run(tasks);

        assertThat(failures().of(key)).contains(new FailedSignIns(threads, T));
        // Each failure saw its own count: the throttle knows which one started the lock-out.
        assertThat(counts).doesNotHaveDuplicates().hasSize(threads);
    }

    @Test
    void aFailureRecordedInAUnitOfWorkThatFailsIsNotKept() {
        Key key = account();
        failures().recordFailure(key, T, LONG_AGO);
        assertThatThrownBy(() -> inTransaction(() -> {
            failures().recordFailure(key, T.plusSeconds(1), LONG_AGO);
            failures().clear(key);
            throw new IllegalStateException("the activity record could not be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(failures().of(key)).contains(new FailedSignIns(1, T));
    }
}
