package com.cspdesk.contracts;

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
public abstract class DownloadLinksContract extends PortContract {

    private static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00.654321Z");

    @Test
    void aLinkRoundTripsCountsAndIsRevokedWithItsSiblings() {
        String entitlement = UUID.randomUUID().toString();
        String sibling = UUID.randomUUID().toString();
        String first = linkId();
        String second = linkId();
        String third = linkId();
        port(DownloadLinks.class).add(link(first, entitlement));
        port(DownloadLinks.class).add(link(second, entitlement));
        port(DownloadLinks.class).add(link(third, sibling));

        StoredLink read = port(DownloadLinks.class).findForUpdate(first).orElseThrow();
        assertThat(read).isEqualTo(link(first, entitlement));
        port(DownloadLinks.class).recordDownload(first);
        port(DownloadLinks.class).recordResumedPart(first, 5_000_000_000L);
        port(DownloadLinks.class).recordResumedPart(first, 7);
        DownloadLink counted = port(DownloadLinks.class).findForUpdate(first).orElseThrow().link();
        assertThat(counted.downloadsCompleted()).isEqualTo(1);
        assertThat(counted.resumedBytes()).isEqualTo(5_000_000_007L);

        assertThat(port(DownloadLinks.class).revokeAll(entitlement)).isEqualTo(2);
        assertThat(port(DownloadLinks.class).revokeAll(entitlement)).isZero();
        assertThat(port(DownloadLinks.class).findForUpdate(second).orElseThrow().link().revoked()).isTrue();
        assertThat(port(DownloadLinks.class).findForUpdate(first).orElseThrow().link().downloadsCompleted()).isEqualTo(1);
        assertThat(port(DownloadLinks.class).findForUpdate(third).orElseThrow().link().revoked()).isFalse();
        assertThat(port(DownloadLinks.class).findForUpdate("nope")).isEmpty();
    }

    @Test
    void concurrentDownloadsCountEachOnce() throws Exception {
        String id = linkId();
        port(DownloadLinks.class).add(link(id, UUID.randomUUID().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(pool.submit(() -> inTransaction(() -> {
                    port(DownloadLinks.class).findForUpdate(id).orElseThrow();
                    port(DownloadLinks.class).recordDownload(id);
                    port(DownloadLinks.class).recordResumedPart(id, 3);
                    return null;
                })));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        DownloadLink counted = port(DownloadLinks.class).findForUpdate(id).orElseThrow().link();
        assertThat(counted.downloadsCompleted()).isEqualTo(40);
        assertThat(counted.resumedBytes()).isEqualTo(120);
    }

    @Test
    void aDownloadCountedInAUnitThatFailsIsNotCounted() {
        String id = linkId();
        port(DownloadLinks.class).add(link(id, UUID.randomUUID().toString()));

        try {
            inTransaction(() -> {
                port(DownloadLinks.class).recordDownload(id);
                port(DownloadLinks.class).recordResumedPart(id, 1024);
                throw new IllegalStateException("the download broke off");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the download broke off");
        }

        DownloadLink link = port(DownloadLinks.class).findForUpdate(id).orElseThrow().link();
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
