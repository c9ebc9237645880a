package com.cspdesk.domain.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadLinkPolicyTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T10:00:00Z");
    private final DownloadLinkPolicy policy = DownloadLinkPolicy.defaults();
    /** A 5 GB image: the allowance is 250 GB, beyond an int. */
    private static final long ISO = 5_000_000_000L;

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
        assertThat(policy.check(afterDownloads(49), ISSUED, ISO)).isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 0));
        assertThat(policy.check(afterDownloads(50), ISSUED, ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    @Test
    void the_first_download_leaves_49() {
        DownloadDecision decision = policy.check(DownloadLink.issuedAt(ISSUED), ISSUED, ISO);

        assertThat(decision.allowed()).isTrue();
        assertThat(((DownloadDecision.Allowed) decision).downloadsRemainingAfter()).isEqualTo(49);
    }

    @Test
    void counting_downloads_on_the_link_reaches_the_limit() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        int served = 0;
        while (policy.check(link, ISSUED.plusSeconds(served), ISO).allowed()) {
            link = link.recordDownload();
            served++;
        }
        assertThat(served).isEqualTo(50);
        assertThat(policy.downloadsRemaining(link, ISO)).isZero();
    }

    @Test
    void fourteen_days_minus_one_second_is_allowed_and_exactly_fourteen_days_refused() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)).minusSeconds(1), ISO).allowed()).isTrue();
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(14)), ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
        assertThat(policy.check(link, ISSUED.plus(Duration.ofDays(15)), ISO).allowed()).isFalse();
    }

    @Test
    void a_revoked_link_is_refused() {
        DownloadLink revoked = DownloadLink.issuedAt(ISSUED).revoke();

        assertThat(revoked.revoked()).isTrue();
        assertThat(policy.check(revoked, ISSUED, ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
    }

    @Test
    void revoked_wins_over_expired_and_expired_over_exhausted() {
        DownloadLink spent = new DownloadLink(ISSUED, 50, false);

        assertThat(policy.check(spent.revoke(), ISSUED.plus(Duration.ofDays(20)), ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.REVOKED));
        assertThat(policy.check(spent, ISSUED.plus(Duration.ofDays(20)), ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXPIRED));
    }

    @Test
    void limits_are_configurable() {
        DownloadLinkPolicy tight = new DownloadLinkPolicy(Duration.ofHours(1), 2);
        DownloadLink link = DownloadLink.issuedAt(ISSUED);

        assertThat(tight.check(link.recordDownload(), ISSUED, ISO).allowed()).isTrue();
        assertThat(tight.check(link.recordDownload().recordDownload(), ISSUED, ISO).allowed()).isFalse();
        assertThat(tight.check(link, ISSUED.plus(Duration.ofHours(1)), ISO).allowed()).isFalse();
        assertThat(tight.expiresAt(link)).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
    }

    @Test
    void a_resumed_part_is_not_a_download_but_its_bytes_count() {
        DownloadLink link = afterDownloads(1).recordResumedPart(ISO / 2);

        assertThat(policy.bytesUsed(link, ISO)).isEqualTo(ISO + ISO / 2);
        // 48.5 files' worth left: after another half, 48 whole downloads fit.
        assertThat(policy.checkPart(link, ISSUED, ISO, ISO / 2))
                .isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 48));
        assertThat(policy.downloadsRemaining(link, ISO)).isEqualTo(48);
    }

    @Test
    void ranges_that_add_up_to_the_allowance_are_served_and_one_byte_more_refused() {
        long allowance = 50 * ISO;
        assertThat(policy.byteAllowance(ISO)).isEqualTo(allowance);
        DownloadLink nearlySpent = afterDownloads(0).recordResumedPart(allowance - 100);

        assertThat(policy.checkPart(nearlySpent, ISSUED, ISO, 99).allowed()).as("just under").isTrue();
        assertThat(policy.checkPart(nearlySpent, ISSUED, ISO, 100)).as("exactly")
                .isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 0));
        assertThat(policy.checkPart(nearlySpent, ISSUED, ISO, 101)).as("just over").isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        assertThat(policy.checkPart(nearlySpent.recordResumedPart(100), ISSUED, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    /** The loophole this closes: after the 50th download, ranges kept coming (49 more near-whole copies). */
    @Test
    void after_the_fiftieth_whole_download_not_one_more_range_is_served() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        for (int i = 0; i < 50; i++) {
            assertThat(policy.check(link, ISSUED, ISO).allowed()).as("download " + (i + 1)).isTrue();
            link = link.recordDownload();
        }
        assertThat(policy.bytesLeft(link, ISO)).isZero();
        assertThat(policy.check(link, ISSUED, ISO)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        assertThat(policy.checkPart(link, ISSUED, ISO, 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        assertThat(policy.checkPart(link, ISSUED, ISO, ISO - 1)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    @Test
    void the_fiftieth_download_needs_a_whole_files_worth_left() {
        DownloadLink fortyNine = afterDownloads(49);

        assertThat(policy.check(fortyNine, ISSUED, ISO).allowed()).isTrue();
        assertThat(policy.check(fortyNine.recordResumedPart(1), ISSUED, ISO)).as("one byte of parts brings the end forward")
                .isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
        assertThat(policy.checkPart(fortyNine, ISSUED, ISO, ISO).allowed()).as("or a file's worth of parts").isTrue();
        assertThat(policy.checkPart(fortyNine, ISSUED, ISO, ISO + 1).allowed()).isFalse();
    }

    /** A download manager's parallel ranges: each served once, the file's worth counted once per range. */
    @Test
    void parts_use_the_allowance_like_downloads_do() {
        DownloadLink link = DownloadLink.issuedAt(ISSUED);
        int parts = 0;
        while (policy.checkPart(link, ISSUED, ISO, ISO / 4).allowed()) {
            link = link.recordResumedPart(ISO / 4);
            parts++;
        }
        assertThat(parts).as("quarter-file parts of a fresh link").isEqualTo(200);
        assertThat(policy.check(link, ISSUED, ISO).allowed()).isFalse();
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
        assertThat(new DownloadLinkPolicy(Duration.ofDays(1), 2).byteAllowance(ISO)).isEqualTo(2 * ISO);
        assertThat(policy.byteAllowance(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.bytesUsed(afterDownloads(3).recordResumedPart(Long.MAX_VALUE - 1), Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.byteAllowance(0)).isZero();
    }

    /** An empty file: no bytes to count, so its downloads are counted alone. */
    @Test
    void an_empty_file_is_downloaded_fifty_times() {
        assertThat(policy.checkPart(afterDownloads(1), ISSUED, 0, 0).allowed()).isTrue();
        assertThat(policy.check(afterDownloads(49), ISSUED, 0)).isEqualTo(new DownloadDecision.Allowed(ISSUED.plus(Duration.ofDays(14)), 0));
        assertThat(policy.check(afterDownloads(50), ISSUED, 0)).isEqualTo(new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED));
    }

    @Test
    void limits_are_checked() {
        assertThatThrownBy(() -> DownloadLink.issuedAt(ISSUED).recordResumedPart(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadLink(ISSUED, 0, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.checkPart(afterDownloads(1), ISSUED, ISO, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.check(afterDownloads(1), ISSUED, -1)).isInstanceOf(IllegalArgumentException.class);
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
