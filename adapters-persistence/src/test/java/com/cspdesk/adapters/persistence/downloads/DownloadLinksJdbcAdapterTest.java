package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadLink;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class DownloadLinksJdbcAdapterTest extends OnMariaDb {

    private static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00.654321Z");

    @Inject
    DownloadLinks links;
    @Inject
    Transactions transactions;

    @Test
    void aLinkRoundTripsCountsAndIsRevokedWithItsSiblings() {
        links.add(link("link-aaaaaaaaaaaaaaaa1", "ent-1"));
        links.add(link("link-aaaaaaaaaaaaaaaa2", "ent-1"));
        links.add(link("link-aaaaaaaaaaaaaaaa3", "ent-2"));

        DownloadLinks.StoredLink read = links.findForUpdate("link-aaaaaaaaaaaaaaaa1").orElseThrow();
        assertThat(read).isEqualTo(link("link-aaaaaaaaaaaaaaaa1", "ent-1"));
        links.recordDownload("link-aaaaaaaaaaaaaaaa1");
        links.recordResumedPart("link-aaaaaaaaaaaaaaaa1", 5_000_000_000L);
        links.recordResumedPart("link-aaaaaaaaaaaaaaaa1", 7);
        DownloadLink counted = links.findForUpdate("link-aaaaaaaaaaaaaaaa1").orElseThrow().link();
        assertThat(counted.downloadsCompleted()).isEqualTo(1);
        assertThat(counted.resumedBytes()).isEqualTo(5_000_000_007L);

        assertThat(links.revokeAll("ent-1")).isEqualTo(2);
        assertThat(links.revokeAll("ent-1")).isZero();
        assertThat(links.findForUpdate("link-aaaaaaaaaaaaaaaa2").orElseThrow().link().revoked()).isTrue();
        assertThat(links.findForUpdate("link-aaaaaaaaaaaaaaaa3").orElseThrow().link().revoked()).isFalse();
        assertThat(links.findForUpdate("nope")).isEmpty();
    }

    @Test
    void concurrentDownloadsCountEachOnceUnderTheRowLock() throws Exception {
        links.add(link("link-race-aaaaaaaaaaa", "ent-9"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(pool.submit(() -> transactions.inTransaction(() -> {
                    links.findForUpdate("link-race-aaaaaaaaaaa").orElseThrow();
                    links.recordDownload("link-race-aaaaaaaaaaa");
                    links.recordResumedPart("link-race-aaaaaaaaaaa", 3);
                    return null;
                })));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(links.findForUpdate("link-race-aaaaaaaaaaa").orElseThrow().link().downloadsCompleted()).isEqualTo(40);
        assertThat(links.findForUpdate("link-race-aaaaaaaaaaa").orElseThrow().link().resumedBytes()).isEqualTo(120);
    }

    private static DownloadLinks.StoredLink link(String id, String entitlement) {
        return new DownloadLinks.StoredLink(id, entitlement, "11111111-1111-4111-8111-111111111111", SoftwareVersion.of("2019"),
                SoftwareLanguage.of("de-DE"), Bitness.X64, new DownloadLink(ISSUED, 0, false), "admin.agent@partner.example");
    }
}
