package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.shared.Reachability.Change;
import com.cspdesk.adapters.persistence.shared.Reachability.State;
import com.cspdesk.adapters.persistence.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T01:00:00Z"));
    private final Reachability reachability = new Reachability(clock);

    @Test
    void aSuspicionAloneRefusesNothing() {
        assertThat(reachability.suspect()).isTrue();

        assertThat(reachability.state()).isEqualTo(State.SUSPECTED);
        assertThat(reachability.admits()).isTrue();
    }

    @Test
    void aDatabaseThatAnswersTheProbeIsNeverRefused() {
        reachability.suspect();

        assertThat(reachability.probed(true)).isEmpty();
        assertThat(reachability.state()).isEqualTo(State.REACHABLE);
        assertThat(reachability.admits()).isTrue();
        assertThat(reachability.probing()).isFalse();
    }

    @Test
    void onlyOneProbeIsAskedForWhileTheQuestionIsOpen() {
        assertThat(reachability.suspect()).isTrue();
        assertThat(reachability.suspect()).isFalse();
        reachability.probed(false);
        assertThat(reachability.suspect()).isFalse();
    }

    @Test
    void aFailedProbeMakesItUnreachableOnceAndRefusesUntilAProbeAnswers() {
        reachability.suspect();

        assertThat(reachability.probed(false)).contains(new Change.WentUnreachable(clock.instant()));
        assertThat(reachability.admits()).isFalse();
        assertThat(reachability.probing()).isTrue();

        clock.advance(Duration.ofMillis(250));
        assertThat(reachability.probed(false)).as("told once, not per probe").isEmpty();
        assertThat(reachability.admits()).isFalse();

        clock.advance(Duration.ofMillis(4_750));
        assertThat(reachability.probed(true)).contains(new Change.CameBack(Duration.ofSeconds(5)));
        assertThat(reachability.admits()).isTrue();
        assertThat(reachability.probing()).isFalse();
    }

    @Test
    void itCanGoAndComeBackAgain() {
        reachability.suspect();
        reachability.probed(false);
        clock.advance(Duration.ofSeconds(1));
        reachability.probed(true);

        clock.advance(Duration.ofMinutes(1));
        assertThat(reachability.suspect()).isTrue();
        Instant second = clock.instant();
        assertThat(reachability.probed(false)).contains(new Change.WentUnreachable(second));
        clock.advance(Duration.ofMillis(300));
        assertThat(reachability.probed(true)).contains(new Change.CameBack(Duration.ofMillis(300)));
    }

    @Test
    void aLateProbeOfAReachableDatabaseChangesNothing() {
        assertThat(reachability.probed(false)).isEmpty();
        assertThat(reachability.admits()).isTrue();
    }

    @Test
    void onlyABrokenOrMissingConnectionRaisesASuspicion() {
        assertThat(LinkBroke.in(new RuntimeException(new SQLRecoverableException("Communications link failure")))).isTrue();
        assertThat(LinkBroke.in(new SQLTransientConnectionException("Connection is not available, request timed out"))).isTrue();
        assertThat(LinkBroke.in(new SQLException("Connection is closed", "08003"))).isTrue();
        assertThat(LinkBroke.in(new SQLTransactionRollbackException("Deadlock found", "40001", 1213))).isFalse();
        assertThat(LinkBroke.in(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(LinkBroke.in(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
