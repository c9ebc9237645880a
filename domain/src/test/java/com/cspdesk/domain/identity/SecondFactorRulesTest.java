package com.cspdesk.domain.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorRulesTest {

    // 2026-12-02T10:00:00Z is exactly on a step boundary: 1_796_205_600 / 30 = 59_873_520.
    private static final Instant ON_BOUNDARY = Instant.parse("2026-12-02T10:00:00Z");
    private static final long STEP = 59_873_520L;

    @Test
    void aStepIsThirtySecondsFromTheEpochAndItsLastSecondBelongsToIt() {
        assertThat(TotpSteps.stepAt(Instant.EPOCH)).isZero();
        assertThat(TotpSteps.stepAt(Instant.parse("1970-01-01T00:00:29.999Z"))).isZero();
        assertThat(TotpSteps.stepAt(Instant.parse("1970-01-01T00:00:30Z"))).isEqualTo(1);
        assertThat(TotpSteps.stepAt(ON_BOUNDARY)).isEqualTo(STEP);
        assertThat(TotpSteps.stepAt(ON_BOUNDARY.minusNanos(1))).isEqualTo(STEP - 1);
        // RFC 6238 appendix B: 59 s is step 1, 1111111109 s is step 37037036.
        assertThat(TotpSteps.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(TotpSteps.stepAt(Instant.ofEpochSecond(1_111_111_109))).isEqualTo(37_037_036);
    }

    @Test
    void theCurrentStepAndOneEitherSideAreAcceptableWhenNoneWasUsed() {
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, TotpSteps.NONE_USED)).containsExactly(STEP - 1, STEP, STEP + 1);
        assertThat(TotpSteps.acceptable(Instant.EPOCH, TotpSteps.NONE_USED)).containsExactly(0L, 1L);
    }

    @Test
    void aStepAtOrBeforeTheLastUsedOneIsNeverAcceptedAgain() {
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, STEP - 2)).containsExactly(STEP - 1, STEP, STEP + 1);
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, STEP - 1)).containsExactly(STEP, STEP + 1);
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, STEP)).containsExactly(STEP + 1);
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, STEP + 1)).isEmpty();
        assertThat(TotpSteps.acceptable(ON_BOUNDARY, STEP + 5)).isEmpty();
    }

    @Test
    void onlyTheConfiguredRolesMustEnrol() {
        SecondFactorRequirement admins = new SecondFactorRequirement(EnumSet.of(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN));

        assertThat(admins.appliesTo(Set.of(Role.ADMIN_AGENT))).isTrue();
        assertThat(admins.appliesTo(Set.of(Role.SALES_AGENT, Role.GLOBAL_ADMIN))).isTrue();
        assertThat(admins.appliesTo(Set.of(Role.SALES_AGENT, Role.ACCOUNT_ADMIN))).isFalse();
        assertThat(admins.appliesTo(Set.of())).isFalse();
        assertThat(SecondFactorRequirement.none().appliesTo(EnumSet.allOf(Role.class))).isFalse();
        assertThat(new SecondFactorRequirement(EnumSet.allOf(Role.class)).appliesTo(Set.of(Role.CUSTOMER_GLOBAL_ADMIN))).isTrue();
    }

    @Test
    void aTypedCodeIsReadAsATotpCodeOrARecoveryCodeIgnoringSpacesDashesAndCase() {
        assertThat(SecondFactorCodes.read("123456")).contains(new SecondFactorCodes.Entered("123456", false));
        assertThat(SecondFactorCodes.read(" 123 456 ")).contains(new SecondFactorCodes.Entered("123456", false));
        assertThat(SecondFactorCodes.read("ABCD-EFGH-2345-67AB")).contains(new SecondFactorCodes.Entered("abcdefgh234567ab", true));
        assertThat(SecondFactorCodes.read("abcd efgh 2345 67ab")).contains(new SecondFactorCodes.Entered("abcdefgh234567ab", true));
    }

    @Test
    void whatCouldBeNeitherCodeIsNothing() {
        assertThat(SecondFactorCodes.read(null)).isEmpty();
        assertThat(SecondFactorCodes.read("")).isEmpty();
        assertThat(SecondFactorCodes.read("12345")).isEmpty();
        assertThat(SecondFactorCodes.read("1234567")).isEmpty();
        assertThat(SecondFactorCodes.read("abcd-efgh-2345-67a")).isEmpty();
        assertThat(SecondFactorCodes.read("abcd-efgh-2345-67abc")).isEmpty();
        // 0, 1, 8 and 9 are not in the Base32 alphabet of recovery codes.
        assertThat(SecondFactorCodes.read("abcd-efgh-2345-6701")).isEmpty();
        assertThat(SecondFactorCodes.read("1".repeat(6) + " ".repeat(60))).isEmpty();
        assertThat(SecondFactorCodes.read("12345６")).isEmpty();
    }

    @Test
    void aRecoveryCodeIsShownInTwoGroupsAndNeverPrinted() {
        assertThat(SecondFactorCodes.shown("abcdefgh234567ab")).isEqualTo("abcd-efgh-2345-67ab");
        assertThat(SecondFactorCodes.read("abcd-efgh-2345-67ab").orElseThrow().toString()).doesNotContain("abcd");
    }

    @Test
    void aChallengeIsOpenForFiveMinutesItsLastInstantExcluded() {
        Instant ends = SecondFactorChallenge.endsAt(ON_BOUNDARY);
        assertThat(ends).isEqualTo(Instant.parse("2026-12-02T10:05:00Z"));
        assertThat(SecondFactorChallenge.openAt(ends, ON_BOUNDARY)).isTrue();
        assertThat(SecondFactorChallenge.openAt(ends, ends.minusNanos(1))).isTrue();
        assertThat(SecondFactorChallenge.openAt(ends, ends)).isFalse();
        assertThat(SecondFactorChallenge.MAX_ATTEMPTS).isEqualTo(5);
    }
}
