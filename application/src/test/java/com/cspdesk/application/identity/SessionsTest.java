package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayDeque;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SessionsTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration KEEP = Duration.ofSeconds(5);
    private static final Username AGENT = new Username("agent.one");

    private final Users users = mock(Users.class);
    private final MovableClock clock = new MovableClock(START);
    private final Sessions sessions = new Sessions(users, clock, KEEP, 100);

    @Test
    void aTokenIsCurrentOnlyWithItsUsersStoredGeneration() {
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)));

        assertThat(sessions.isCurrent("Agent.One", 7)).isTrue();
        assertThat(sessions.isCurrent("agent.one", 6)).isFalse();
        assertThat(sessions.isCurrent("nobody.here", 7)).isFalse();
    }

    /** #13: with the database down, checks must not queue one connection timeout after another. */
    @Test
    void whenTheStoreCannotBeReadARememberedGenerationAnswersAndNoOtherReadIsTriedForAWhile() {
        RuntimeException down = new RuntimeException("Failed to obtain JDBC Connection");
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7))).thenThrow(down);
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();
        clock.advance(KEEP);

        assertThat(sessions.isCurrent("agent.one", 7)).as("the old memory answers when its refresh fails").isTrue();
        assertThat(sessions.isCurrent("agent.one", 6)).isFalse();
        clock.advance(KEEP.minusNanos(1_000));
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();
        verify(users, times(2)).find(AGENT);

        clock.advance(Duration.ofNanos(1_000));
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();
        verify(users, times(3)).find(AGENT);
    }

    @Test
    void whenTheStoreCannotBeReadAUserNotRememberedIsRefusedAtOnceWithTheFailureAsCause() {
        RuntimeException down = new RuntimeException("Failed to obtain JDBC Connection");
        when(users.find(any())).thenThrow(down);
        Username other = new Username("agent.two");

        assertThatThrownBy(() -> sessions.isCurrent("agent.one", 7)).isInstanceOf(SessionsUnavailable.class).hasCause(down);
        assertThatThrownBy(() -> sessions.isCurrent("agent.two", 7)).isInstanceOf(SessionsUnavailable.class).hasCause(down);
        verify(users, times(1)).find(any());
        verify(users, times(0)).find(other);
    }

    @Test
    void aTokenNewerThanTheMemoryIsNotTakenOnMemoryWhileTheStoreIsDown() {
        RuntimeException down = new RuntimeException("Failed to obtain JDBC Connection");
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7))).thenThrow(down);
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();

        assertThatThrownBy(() -> sessions.isCurrent("agent.one", 8)).isInstanceOf(SessionsUnavailable.class);
        assertThatThrownBy(() -> sessions.isCurrent("agent.one", 8)).isInstanceOf(SessionsUnavailable.class);
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();
    }

    @Test
    void anOldMemoryAnswersAtOnceWhileOneReadRefreshesItElsewhere() {
        Queue<Runnable> refreshes = new ArrayDeque<>();
        Sessions refreshingAhead = new Sessions(users, clock, KEEP, 100, refreshes::add);
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)), Optional.of(account(AGENT, 8)));
        assertThat(refreshingAhead.isCurrent("agent.one", 7)).isTrue();
        clock.advance(KEEP);

        assertThat(refreshingAhead.isCurrent("agent.one", 7)).as("answered from the old memory, nothing waited").isTrue();
        assertThat(refreshingAhead.isCurrent("agent.one", 7)).isTrue();
        assertThat(refreshes).as("one refresh per user at a time").hasSize(1);
        verify(users, times(1)).find(AGENT);

        refreshes.poll().run();
        assertThat(refreshingAhead.isCurrent("agent.one", 7)).as("a sign-out elsewhere, seen after the refresh").isFalse();
        assertThat(refreshingAhead.isCurrent("agent.one", 8)).isTrue();
        assertThat(refreshes).isEmpty();
    }

    @Test
    void aTokenWithoutAUsableNameIsRefusedWithoutAsking() {
        assertThat(sessions.isCurrent("<not a name>", 7)).isFalse();
        assertThat(sessions.isCurrent(null, 7)).isFalse();
        verifyNoInteractions(users);
    }

    @Test
    void theGenerationIsReadOnceForAWhileThenAgain() {
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)));

        sessions.isCurrent("agent.one", 7);
        clock.advance(KEEP.minusNanos(1_000));
        sessions.isCurrent("agent.one", 7);
        verify(users, times(1)).find(AGENT);

        clock.advance(Duration.ofNanos(1_000));
        sessions.isCurrent("agent.one", 7);
        verify(users, times(2)).find(AGENT);
    }

    @Test
    void aSignOutOnAnotherInstanceTakesEffectHereOnceTheMemoryIsOld() {
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)), Optional.of(account(AGENT, 8)));
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();

        clock.advance(KEEP);

        assertThat(sessions.isCurrent("agent.one", 7)).isFalse();
        assertThat(sessions.isCurrent("agent.one", 8)).isTrue();
    }

    @Test
    void aTokenNewerThanTheMemoryIsCheckedAtOnceSoAFreshSignInWorks() {
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)), Optional.of(account(AGENT, 8)));
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();

        assertThat(sessions.isCurrent("agent.one", 8)).isTrue();
        assertThat(sessions.isCurrent("agent.one", 7)).isFalse();
    }

    @Test
    void endingTheActorsSessionsRefusesItsTokensAtOnceOnThisInstance() {
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 7)), Optional.of(account(AGENT, 8)));
        when(users.endSessions(AGENT)).thenReturn(true);
        assertThat(sessions.isCurrent("agent.one", 7)).isTrue();

        assertThat(sessions.endSessionsOf(Actor.partner("Agent.One", Role.ADMIN_AGENT))).isTrue();

        verify(users).endSessions(AGENT);
        assertThat(sessions.isCurrent("agent.one", 7)).isFalse();
        assertThat(sessions.isCurrent("agent.one", 8)).isTrue();
    }

    @Test
    void endingTheSessionsOfAGoneUserSaysSo() {
        when(users.endSessions(AGENT)).thenReturn(false);

        assertThat(sessions.endSessionsOf(Actor.partner("agent.one", Role.ADMIN_AGENT))).isFalse();
        assertThat(sessions.endSessionsOf(Actor.partner("<not a name>", Role.ADMIN_AGENT))).isFalse();
        verify(users, times(1)).endSessions(any());
    }

    @Test
    void itRemembersNoMoreThanItsBound() {
        Sessions small = new Sessions(users, clock, KEEP, 2);
        Username two = new Username("agent.two");
        Username three = new Username("agent.three");
        when(users.find(AGENT)).thenReturn(Optional.of(account(AGENT, 1)));
        when(users.find(two)).thenReturn(Optional.of(account(two, 1)));
        when(users.find(three)).thenReturn(Optional.of(account(three, 1)));

        small.isCurrent("agent.one", 1);
        small.isCurrent("agent.two", 1);
        small.isCurrent("agent.three", 1);
        small.isCurrent("agent.one", 1);

        // The third made room by forgetting the first (nothing was old yet), which is then read again.
        verify(users, times(2)).find(AGENT);
    }

    private static UserAccount account(Username username, long generation) {
        return new UserAccount(username, "$hash", Set.of(Role.ADMIN_AGENT), Optional.empty(), START, generation);
    }

    /** Real time in a test: moves only when told. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
