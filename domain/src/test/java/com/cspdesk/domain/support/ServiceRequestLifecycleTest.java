package com.cspdesk.domain.support;

import com.cspdesk.domain.support.ServiceRequestLifecycle.Side;
import com.cspdesk.domain.support.ServiceRequestLifecycle.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every from × to pair, for both sides, against the table written out by hand: {@code A} allowed,
 * {@code S} support's only (the partner gets "not this side"), {@code -} no such move.
 */
class ServiceRequestLifecycleTest {

    /** Rows: from; columns: to, in the order open, in_progress, attention_needed, resolved, closed. */
    private static final String[] TABLE = {
            /* open             */ "- S S S A",
            /* in_progress      */ "S - S S A",
            /* attention_needed */ "A S - S A",
            /* resolved         */ "A - - - A",
            /* closed           */ "- - - - -",
    };

    @Test
    void everyPairForBothSidesIsWhatTheTableSays() {
        ServiceRequestStatus[] statuses = ServiceRequestStatus.values();
        List<String> checked = new ArrayList<>();
        for (int from = 0; from < statuses.length; from++) {
            String[] row = TABLE[from].split(" ");
            for (int to = 0; to < statuses.length; to++) {
                Verdict partner = ServiceRequestLifecycle.move(statuses[from], statuses[to], Side.PARTNER);
                Verdict support = ServiceRequestLifecycle.move(statuses[from], statuses[to], Side.SUPPORT);
                String pair = statuses[from].code() + " → " + statuses[to].code();
                switch (row[to]) {
                    case "A" -> {
                        assertThat(partner).as("partner " + pair).isEqualTo(Verdict.ALLOWED);
                        assertThat(support).as("support " + pair).isEqualTo(Verdict.ALLOWED);
                    }
                    case "S" -> {
                        assertThat(partner).as("partner " + pair).isEqualTo(Verdict.NOT_THIS_SIDE);
                        assertThat(support).as("support " + pair).isEqualTo(Verdict.ALLOWED);
                    }
                    default -> {
                        assertThat(partner).as("partner " + pair).isEqualTo(Verdict.NO_SUCH_MOVE);
                        assertThat(support).as("support " + pair).isEqualTo(Verdict.NO_SUCH_MOVE);
                    }
                }
                checked.add(pair);
            }
        }
        assertThat(checked).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void closedIsFinalAndTakesNoNotesWhileEveryOtherStatusDoes() {
        for (ServiceRequestStatus to : ServiceRequestStatus.values()) {
            assertThat(ServiceRequestLifecycle.move(ServiceRequestStatus.CLOSED, to, Side.SUPPORT)).isEqualTo(Verdict.NO_SUCH_MOVE);
        }
        assertThat(ServiceRequestLifecycle.takesNotes(ServiceRequestStatus.CLOSED)).isFalse();
        for (ServiceRequestStatus status : List.of(ServiceRequestStatus.OPEN, ServiceRequestStatus.IN_PROGRESS,
                ServiceRequestStatus.ATTENTION_NEEDED, ServiceRequestStatus.RESOLVED)) {
            assertThat(ServiceRequestLifecycle.takesNotes(status)).as(status.code()).isTrue();
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "open, OPEN", "Open, OPEN", "OPEN, OPEN", "' open ', OPEN",
            "in_progress, IN_PROGRESS", "InProgress, IN_PROGRESS", "in-progress, IN_PROGRESS",
            "attention_needed, ATTENTION_NEEDED", "AttentionNeeded, ATTENTION_NEEDED", "attentionNeeded, ATTENTION_NEEDED",
            "resolved, RESOLVED", "Resolved, RESOLVED", "closed, CLOSED", "Closed, CLOSED"})
    void readsTheDesksAndPartnerCentersSpelling(String value, ServiceRequestStatus expected) {
        assertThat(ServiceRequestStatus.parse(value)).contains(expected);
        assertThat(ServiceRequestStatus.ofCode(expected.code())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is no status")
    @CsvSource({"none", "''", "' '", "cancelled", "open!", "attention needed please", "resolve"})
    void refusesAnythingElse(String value) {
        assertThat(ServiceRequestStatus.parse(value)).isEmpty();
    }

    @Test
    void nullIsNoStatus() {
        assertThat(ServiceRequestStatus.parse(null)).isEmpty();
    }
}
