package com.cspdesk.domain.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadLinkPolicyTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T10:00:00Z");
    private final DownloadLinkPolicy policy = DownloadLinkPolicy.defaults();

    private static DownloadLink afterDownloads(int downloads) {
        return new DownloadLink(ISSUED, downloads, false);
    }

    @Test
    void a_new_link_serves_50_downloads_for_14_days() {
        NewLinkDecision decision = policy.issue(ISSUED, false);

        assertThat(decision).isEqualTo(new NewLinkDecision.Issued(DownloadLink.issuedAt(ISSUED), ISSUED.plus(Duration.ofDays(14)), 50));
    }

    @Test
    void a_new_link_can_be_made_at_any_time_even_while_others_are_valid() {
        assertThat(policy.issue(ISSUED, false)).isInstanceOf(NewLinkDecision.Issued.class);
        assertThat(policy.issue(ISSUED.plusSeconds(1), false)).isInstanceOf(NewLinkDecision.Issued.class);
        assertThat(policy.issue(ISSUED.plus(Duration.ofDays(400)), false)).isInstanceOf(NewLinkDecision.Issued.class);
    }

    @Test
    void a_cancelled_purchase_gets_no_new_link() {
        assertThat(policy.issue(ISSUED, true)).isEqualTo(new NewLinkDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void the_50th_download_is_allowed_and_the_51st_refused() {
        assertThat(policy.check(afterDownloads(49), ISSUED)).isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 0));
        assertThat(policy.check(afterDownloads(50), ISSUED)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    @Test
    void the_first_download_leaves_49() {
        DownloadDecision decision = policy.check(DownloadLink.issuedAt(ISSUED), ISSUED);

        assertThat(decision.allowed()).isTrue();
        assertThat(((DownloadDecision.Allowed) decision).downloadsRemainingAfter()).isEqualTo(49);
    }

    @Test
    void counting_downloads_on_the_link_reaches_the_limit() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        int served = 0;
        while (policy.check(link, ISSUED.plusSeconds(served)).allowed()) {
            link = link.recordDownload();
            served++;
        }
        assertThat(served).isEqualTo(50);
        assertThat(policy.downloadsRemaining(link)).isZero();
    }

    @Test
    void fourteen_days_minus_one_second_is_allowed_and_exactly_fourteen_days_refused() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)).minusSeconds(1)).allowed()).isTrue();
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(15))).allowed()).isFalse();
    }

    @Test
    void a_revoked_link_is_refused() {
        DownloadLink revoked = DownloadLink.issuedAt(ISSUED).revoke();

        assertThat(revoked.revoked()).isTrue();
        assertThat(policy.check(revoked, ISSUED)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void revoked_wins_over_expired_and_expired_over_exhausted() {
        DownloadLink spent = new DownloadLink(ISSUED, 50, false);

        assertThat(policy.check(spent.revoke(), ISSUED.plus(Duration.ofDays(20)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
        assertThat(policy.check(spent, ISSUED.plus(Duration.ofDays(20)))).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
    }

    @Test
    void limits_are_configurable() {
        DownloadLinkPolicy tight = new DownloadLinkPolicy(Duration.ofHours(1), 2);
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(tight.check(link.recordDownload(), ISSUED).allowed()).isTrue();
        assertThat(tight.check(link.recordDownload().recordDownload(), ISSUED).allowed()).isFalse();
        assertThat(tight.check(link, ISSUED.plus(Duration.ofHours(1))).allowed()).isFalse();
        assertThat(tight.expiresAt(link)).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
    }

    private static final long ISO = 5_000_000_000L;

    @Test
    void a_resumed_part_is_not_a_download_and_is_served_while_the_links_bytes_last() {
        DownloadLink link = afterDownloads(1).recordResumedPart(ISO / 2);

        assertThat(policy.checkPart(link, ISSUED, ISO, ISO / 2))
                .isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 49));
    }

    @Test
    void the_last_byte_of_fifty_downloads_worth_of_parts_is_served_and_one_byte_more_refused() {
        long allowance = 50 * ISO;
        assertThat(policy.resumeAllowance(ISO)).isEqualTo(allowance);
        DownloadLink nearlySpent = afterDownloads(50).recordResumedPart(allowance - 100);

        assertThat(policy.checkPart(nearlySpent, ISSUED, ISO, 100).allowed()).isTrue();
        assertThat(policy.checkPart(nearlySpent, ISSUED, ISO, 101)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        assertThat(policy.checkPart(nearlySpent.recordResumedPart(100), ISSUED, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    /** The loophole this closes: after the 50th download, parts kept coming until the link expired. */
    @Test
    void parts_cannot_stand_in_for_downloads_after_the_fiftieth() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        for (int i = 0; i < 50; i++) {
            assertThat(policy.check(link, ISSUED).allowed()).isTrue();
            link = link.recordDownload();
        }
        assertThat(policy.check(link, ISSUED)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        int parts = 0;
        while (policy.checkPart(link, ISSUED, ISO, ISO / 4).allowed()) {
            link = link.recordResumedPart(ISO / 4);
            parts++;
        }
        assertThat(parts).as("quarter-file parts after the 50th download").isEqualTo(200);
    }

    /** Every download, the 50th included, can break off anywhere and be resumed to its end. */
    @Test
    void each_of_the_fifty_downloads_can_be_resumed_from_its_first_byte_after_the_start() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        for (int i = 0; i < 50; i++) {
            assertThat(policy.check(link, ISSUED).allowed()).isTrue();
            link = link.recordDownload();
            assertThat(policy.checkPart(link, ISSUED, ISO, ISO - 1).allowed()).as("resume of download " + (i + 1)).isTrue();
            link = link.recordResumedPart(ISO - 1);
        }
    }

    @Test
    void a_part_of_a_revoked_or_expired_link_is_refused_revoked_first() {
        DownloadLink link = afterDownloads(1);
        Instant expiry = ISSUED.plus(Duration.ofDays(14));

        assertThat(policy.checkPart(link, expiry.minusNanos(1), ISO, 1).allowed()).isTrue();
        assertThat(policy.checkPart(link, expiry, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
        assertThat(policy.checkPart(link.revoke(), expiry, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
        assertThat(policy.checkPart(link.revoke(), ISSUED, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void the_byte_allowance_follows_the_configured_downloads_and_never_overflows() {
        assertThat(new DownloadLinkPolicy(Duration.ofDays(1), 2).resumeAllowance(ISO)).isEqualTo(2 * ISO);
        assertThat(policy.resumeAllowance(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.resumeAllowance(0)).isZero();
        assertThat(policy.checkPart(afterDownloads(1), ISSUED, 0, 0).allowed()).isTrue();
    }

    @Test
    void limits_are_checked() {
        assertThatThrownBy(() -> DownloadLink.issuedAt(ISSUED).recordResumedPart(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLink(ISSUED, 0, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.checkPart(afterDownloads(1), ISSUED, ISO, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLinkPolicy(Duration.ZERO, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLinkPolicy(Duration.ofDays(14), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLink(ISSUED, -1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusal_codes_are_stable() {
        assertThat(DownloadRefusal.REVOKED.code()).isEqualTo("link_revoked");
        assertThat(DownloadRefusal.EXPIRED.code()).isEqualTo("link_expired");
        assertThat(DownloadRefusal.EXHAUSTED.code()).isEqualTo("link_exhausted");
    }
}
