package com.cspdesk.contracts;

import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.DownloadLinks.StoredLink;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadLink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DownloadLinks} must do: a link round-trips, counts its completed downloads and
 * resumed bytes (also under concurrent downloads, each counted once), and is revoked with every
 * other link of its entitlement. Each test uses ids of its own, so the tests may share one store.
 */
public abstract class DownloadLinksContract {

    private static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00.654321Z");

    protected abstract DownloadLinks links();

    protected abstract Transactions transactions();

    @Test
    void aLinkRoundTripsCountsAndIsRevokedWithItsSiblings() {
        String entitlement = UUID.randomUUID().toString();
        String sibling = UUID.randomUUID().toString();
        String first = linkId();
        String second = linkId();
        String third = linkId();
        links().add(link(first, entitlement));
        links().add(link(second, entitlement));
        links().add(link(third, sibling));

        StoredLink read = links().findForUpdate(first).orElseThrow();
        assertThat(read).isEqualTo(link(first, entitlement));
        links().recordDownload(first);
        links().recordResumedPart(first, 5_000_000_000L);
        links().recordResumedPart(first, 7);
        DownloadLink counted = links().findForUpdate(first).orElseThrow().link();
        assertThat(counted.downloadsCompleted()).isEqualTo(1);
        assertThat(counted.resumedBytes()).isEqualTo(5_000_000_007L);

        assertThat(links().revokeAll(entitlement)).isEqualTo(2);
        assertThat(links().revokeAll(entitlement)).isZero();
        assertThat(links().findForUpdate(second).orElseThrow().link().revoked()).isTrue();
        assertThat(links().findForUpdate(first).orElseThrow().link().downloadsCompleted()).isEqualTo(1);
        assertThat(links().findForUpdate(third).orElseThrow().link().revoked()).isFalse();
        assertThat(links().findForUpdate("nope")).isEmpty();
    }

    @Test
    void concurrentDownloadsCountEachOnce() throws Exception {
        String id = linkId();
        links().add(link(id, UUID.randomUUID().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(pool.submit(() -> transactions().inTransaction(() -> {
                    links().findForUpdate(id).orElseThrow();
                    links().recordDownload(id);
                    links().recordResumedPart(id, 3);
                    return null;
                })));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        DownloadLink counted = links().findForUpdate(id).orElseThrow().link();
        assertThat(counted.downloadsCompleted()).isEqualTo(40);
        assertThat(counted.resumedBytes()).isEqualTo(120);
    }

    @Test
    void aDownloadCountedInAUnitThatFailsIsNotCounted() {
        String id = linkId();
        links().add(link(id, UUID.randomUUID().toString()));

        try {
            transactions().inTransaction(() -> {
                links().recordDownload(id);
                links().recordResumedPart(id, 1024);
                throw new IllegalStateException("the download broke off");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the download broke off");
        }

        DownloadLink link = links().findForUpdate(id).orElseThrow().link();
        assertThat(link.downloadsCompleted()).isZero();
        assertThat(link.resumedBytes()).isZero();
    }

    private static String linkId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static StoredLink link(String id, String entitlement) {
        return new StoredLink(id, entitlement, "11111111-1111-4111-8111-111111111111", SoftwareVersion.of("2019"),
                SoftwareLanguage.of("de-DE"), Bitness.X64, new DownloadLink(ISSUED, 0, false), "admin.agent@partner.example");
    }
}
