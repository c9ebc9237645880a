package com.cspdesk.application.sandbox;

import com.cspdesk.application.TestActors;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.sandbox.SandboxClockRange;
import com.cspdesk.application.sandbox.port.in.MoveSandboxTime;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.InlineTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class SandboxTimeTravelTest {

    private static final Instant REAL_NOW = Instant.parse("2026-11-21T09:00:00Z");

    private final SandboxClockSettings settings = mock(SandboxClockSettings.class);
    private final SandboxClock clock = new SandboxClock(Clock.fixed(REAL_NOW, ZoneOffset.UTC), Duration.ZERO);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = InlineTransactions.mocked();
    private final SandboxTimeTravel travel = new SandboxTimeTravel(clock, settings, activityLog, transactions);
    private static final Actor AGENT = TestActors.holding(Role.ADMIN_AGENT);

    @Test
    void aMoveIsRecordedFromWhereToWhereByWhomAndFromWhereWithTheSavedOffset() {
        travel.advanceBy(Duration.ofDays(1), AGENT);
        travel.moveTo(Instant.parse("2026-12-01T00:00:00Z"), AGENT.from("2001:db8::7"));

        ArgumentCaptor<ActivityEntry> records = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, times(2)).append(records.capture());
        ActivityEntry second = records.getAllValues().get(1);
        assertThat(second).isEqualTo(new ActivityEntry(Instant.parse("2026-11-22T09:00:00Z"), "update_sandbox_clock",
                "succeeded", AGENT.username(), null, null, null, "sandbox_clock", "sandbox",
                Map.of("from", "2026-11-22T09:00:00Z", "to", "2026-12-01T00:00:00Z", "clientAddress", "2001:db8::7")));
        assertThat(second.chainKey()).isEqualTo("partner");
        verify(transactions, times(2)).inTransaction(any());
    }

    @Test
    void listenersAreToldTheNewTimeAfterAMoveAndNotAfterARefusal() {
        java.util.List<Instant> told = new java.util.ArrayList<>();
        SandboxTimeTravel listened = new SandboxTimeTravel(clock, settings, activityLog, transactions, java.util.List.of(told::add));

        listened.advanceBy(Duration.ofDays(365), AGENT);
        listened.advanceBy(Duration.ofDays(-1), AGENT);
        listened.moveTo(REAL_NOW, AGENT);

        assertThat(told).containsExactly(Instant.parse("2027-11-21T09:00:00Z"));
    }

    @Test
    void whenTheRecordCannotBeWrittenTheClockDoesNotMove() {
        doThrow(new IllegalStateException("the log is gone")).when(activityLog).append(any());
        assertThatThrownBy(() -> travel.advanceBy(Duration.ofDays(61), AGENT)).hasMessage("the log is gone");
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
    }

    @Test
    void advancingMovesTheClockAndKeepsTheOffset() {
        var result = travel.advanceBy(Duration.ofDays(61), AGENT);
        assertThat(result).isInstanceOfSatisfying(MoveSandboxTime.Moved.class,
                moved -> assertThat(moved.time().now()).isEqualTo(Instant.parse("2027-01-21T09:00:00Z")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-21T09:00:00Z"));
        verify(settings).saveOffset(Duration.ofDays(61));
    }

    @Test
    void movingToAnInstantSetsTheOffsetFromRealTime() {
        travel.moveTo(Instant.parse("2026-12-01T00:00:00Z"), AGENT);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(travel.now().offset()).isEqualTo(Duration.between(REAL_NOW, Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void timeNeverMovesBack() {
        travel.advanceBy(Duration.ofDays(2), AGENT);
        assertThat(travel.moveTo(REAL_NOW.plus(Duration.ofDays(1)), AGENT)).isInstanceOf(MoveSandboxTime.WouldMoveBack.class);
        assertThat(travel.advanceBy(Duration.ofSeconds(-1), AGENT)).isInstanceOf(MoveSandboxTime.WouldMoveBack.class);
        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void aClockThatBeganInThePastLetsTimePassWithoutARecordAndCatchesUpWithRealTimeSavingTheOffset() {
        SandboxClock past = new SandboxClock(Clock.fixed(REAL_NOW, ZoneOffset.UTC), Duration.ofDays(-90));
        java.util.List<Instant> told = new java.util.ArrayList<>();
        SandboxTimeTravel history = new SandboxTimeTravel(past, settings, activityLog, transactions, java.util.List.of(told::add));

        assertThat(history.passTo(REAL_NOW.minus(Duration.ofDays(30))).now()).isEqualTo(REAL_NOW.minus(Duration.ofDays(30)));
        verifyNoInteractions(activityLog, settings);
        assertThat(history.catchUp().offset()).isEqualTo(Duration.ZERO);

        assertThat(past.instant()).isEqualTo(REAL_NOW);
        verify(settings).saveOffset(Duration.ZERO);
        verifyNoInteractions(activityLog);
        assertThat(told).isEmpty();
    }

    @Test
    void passingTimeNeverGoesBackNorPastRealTime() {
        SandboxClock past = new SandboxClock(Clock.fixed(REAL_NOW, ZoneOffset.UTC), Duration.ofDays(-10));
        SandboxTimeTravel history = new SandboxTimeTravel(past, settings, activityLog, transactions);

        assertThat(history.passTo(REAL_NOW.minus(Duration.ofDays(20))).now()).isEqualTo(REAL_NOW.minus(Duration.ofDays(10)));
        assertThatThrownBy(() -> history.passTo(REAL_NOW.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(past.instant()).isEqualTo(REAL_NOW.minus(Duration.ofDays(10)));
        verifyNoInteractions(activityLog, settings);
    }

    @Test
    void catchingUpLeavesAClockAheadOfRealTimeWhereItIs() {
        travel.advanceBy(Duration.ofDays(3), AGENT);

        assertThat(travel.catchUp().offset()).isEqualTo(Duration.ofDays(3));
        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofDays(3)));
        verify(settings, times(2)).saveOffset(Duration.ofDays(3));
    }

    @Test
    void standingStillIsAllowedAndTheClockIsUtc() {
        assertThat(travel.advanceBy(Duration.ZERO, AGENT)).isInstanceOf(MoveSandboxTime.Moved.class);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        verify(settings, never()).offset();
        verify(settings).saveOffset(any());
    }

    @Test
    void onlyTheTablesRolesMoveTheClockAndARefusalTouchesNothing() {
        for (Actor actor : TestActors.refused(Permission.MOVE_SANDBOX_CLOCK)) {
            assertThat(travel.advanceBy(Duration.ofDays(1), actor))
                    .isEqualTo(new MoveSandboxTime.NotPermitted(Permission.MOVE_SANDBOX_CLOCK));
            assertThat(travel.moveTo(REAL_NOW.plus(Duration.ofDays(3)), actor))
                    .isEqualTo(new MoveSandboxTime.NotPermitted(Permission.MOVE_SANDBOX_CLOCK));
        }
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
        verifyNoInteractions(settings, activityLog, transactions);
        assertThat(travel.advanceBy(Duration.ofDays(1), TestActors.holding(Role.GLOBAL_ADMIN)))
                .isInstanceOf(MoveSandboxTime.Moved.class);
    }

    @Test
    void anAdvanceFurtherThanTheRangeIsRefusedAndChangesNothing() {
        travel.advanceBy(Duration.ofDays(61), AGENT);
        verify(settings).saveOffset(Duration.ofDays(61));
        Instant before = clock.instant();
        Instant latest = REAL_NOW.plus(SandboxClockRange.MOST_AHEAD);

        for (String tooFar : new String[] {"P999999999D", "PT9223372036854775807S", "P36464DT0.000000001S"}) {
            assertThat(travel.advanceBy(Duration.parse(tooFar), AGENT)).as(tooFar)
                    .isEqualTo(new MoveSandboxTime.OutOfRange(travel.now(), latest));
        }
        assertThat(clock.instant()).isEqualTo(before);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(61));
        verifyNoMoreInteractions(settings);

        // To the bound itself is allowed.
        assertThat(travel.advanceBy(SandboxClockRange.MOST_AHEAD.minusDays(61), AGENT)).isInstanceOf(MoveSandboxTime.Moved.class);
        assertThat(clock.instant()).isEqualTo(latest);
    }

    @Test
    void aTargetInstantFurtherThanTheRangeIsRefusedAndChangesNothing() {
        Instant latest = REAL_NOW.plus(SandboxClockRange.MOST_AHEAD);
        for (Instant tooFar : new Instant[] {latest.plusNanos(1), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MAX}) {
            assertThat(travel.moveTo(tooFar, AGENT)).as(tooFar.toString())
                    .isEqualTo(new MoveSandboxTime.OutOfRange(travel.now(), latest));
        }
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
        verifyNoInteractions(settings);

        assertThat(travel.moveTo(latest, AGENT)).isInstanceOf(MoveSandboxTime.Moved.class);
        verify(settings).saveOffset(SandboxClockRange.MOST_AHEAD);
    }

    @Test
    void aMoveBackSavesNothing() {
        travel.advanceBy(Duration.ofDays(2), AGENT);
        verify(settings).saveOffset(Duration.ofDays(2));
        travel.moveTo(REAL_NOW.plus(Duration.ofDays(1)), AGENT);
        travel.advanceBy(Duration.ofSeconds(-1), AGENT);
        verifyNoMoreInteractions(settings);
        verify(activityLog, times(1)).append(any());
    }

    @Test
    void whenSavingFailsTheClockDoesNotMove() {
        doThrow(new IllegalStateException("the database is gone")).when(settings).saveOffset(any());
        assertThatThrownBy(() -> travel.advanceBy(Duration.ofDays(61), AGENT)).hasMessage("the database is gone");
        assertThatThrownBy(() -> travel.moveTo(REAL_NOW.plus(Duration.ofDays(30)), AGENT)).hasMessage("the database is gone");
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
    }
}
