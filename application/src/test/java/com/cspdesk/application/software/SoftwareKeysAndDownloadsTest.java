package com.cspdesk.application.software;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.DownloadSoftware;
import com.cspdesk.application.software.port.in.DownloadSoftware.Use;
import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.application.software.port.in.GetProductKey;
import com.cspdesk.application.software.port.in.SoftwareRefusal;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.DownloadTokens;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.application.software.port.out.ProductKeyIssuer;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.application.software.port.out.SoftwareStore;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.domain.software.DownloadLinkPolicy;
import com.cspdesk.domain.software.ProductKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SoftwareKeysAndDownloadsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER = "22222222-2222-4222-8222-222222222222";
    private static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);
    private static final CustomerRef REF = CustomerRef.parse(TENANT).orElseThrow();
    private static final ProductKey KEY = ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B");

    private final Customers customers = mock(Customers.class);
    private final OwnedSoftware owned = mock(OwnedSoftware.class);
    private final ProductKeyVault vault = mock(ProductKeyVault.class);
    private final ProductKeyIssuer issuer = mock(ProductKeyIssuer.class);
    private final DownloadLinks links = mock(DownloadLinks.class);
    private final DownloadTokens tokens = mock(DownloadTokens.class);
    private final SoftwareStore store = mock(SoftwareStore.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private SoftwareKeysAndDownloads software;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), NOW)));
        when(owned.find(TENANT, "ent-1")).thenReturn(Optional.of(entitlement(true)));
        software = new SoftwareKeysAndDownloads(customers, owned, vault, issuer, links, tokens, store, activityLog,
                transactions, DownloadLinkPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anEarlierVersionKeyIsIssuedOnceThenAlwaysTheSameAndEveryAccessIsLogged() {
        when(vault.find("ent-1", SoftwareVersion.of("2019"))).thenReturn(Optional.empty());
        when(issuer.issue(any(), eq(SoftwareVersion.of("2019")))).thenReturn(KEY);
        when(vault.keep("ent-1", SoftwareVersion.of("2019"), KEY)).thenReturn(true);

        var result = software.getKey(choice("2019", "de-DE", "x64"), AGENT);

        assertThat(result).isEqualTo(new GetProductKey.Key(KEY));
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(logged.capture());
        assertThat(logged.getValue().operationType()).isEqualTo("get_software_key");
        assertThat(logged.getValue().customizedData()).containsEntry("version", "2019").containsEntry("language", "de-DE");
        assertThat(logged.getValue().toString()).doesNotContain(KEY.revealClearText());

        when(vault.find("ent-1", SoftwareVersion.of("2019"))).thenReturn(Optional.of(KEY));
        assertThat(software.getKey(choice("2019", "de-DE", "x64"), AGENT)).isEqualTo(new GetProductKey.Key(KEY));
        verify(issuer).issue(any(), any());
    }

    @Test
    void aConcurrentFirstRequestKeepsTheOtherKey() {
        ProductKey other = ProductKey.parse("QRTVW-XY234-6789B-BCDFG-HJKMP");
        when(vault.find("ent-1", SoftwareVersion.of("2022"))).thenReturn(Optional.empty(), Optional.of(other));
        when(issuer.issue(any(), any())).thenReturn(KEY);
        when(vault.keep("ent-1", SoftwareVersion.of("2022"), KEY)).thenReturn(false);
        assertThat(software.getKey(choice("2022", "en-US", "x64"), AGENT)).isEqualTo(new GetProductKey.Key(other));
    }

    @Test
    void choicesOutsideThePurchaseAreRefusedByField() {
        assertRefused(choice("2012", "de-DE", "x64"), SoftwareRefusal.Reason.VERSION_NOT_ENTITLED, "version");
        assertRefused(choice(null, "de-DE", "x64"), SoftwareRefusal.Reason.VERSION_NOT_ENTITLED, "version");
        assertRefused(choice("2022", "ja-JP", "x64"), SoftwareRefusal.Reason.LANGUAGE_NOT_OFFERED, "language");
        assertRefused(choice("2022", "!!", "x64"), SoftwareRefusal.Reason.LANGUAGE_NOT_OFFERED, "language");
        assertRefused(choice("2022", "de-DE", "x86"), SoftwareRefusal.Reason.BITNESS_NOT_OFFERED, "bitness");
        assertRefused(choice("2022", "de-DE", "128bit"), SoftwareRefusal.Reason.BITNESS_NOT_OFFERED, "bitness");
        verifyNoInteractions(vault, issuer, activityLog);
    }

    @Test
    void anotherTenantsAdminAndUnknownSoftwareGetNotFoundAndACancelledPurchaseIsRevoked() {
        assertThat(software.getKey(choice("2022", "de-DE", "x64"), Actor.customer("it@other.example", OTHER)))
                .isEqualTo(new GetProductKey.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.NOT_FOUND, null)));
        assertThat(software.getKey(new ChosenSoftware(REF, "nope", "2022", "de-DE", "x64"), AGENT))
                .isEqualTo(new GetProductKey.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.NOT_FOUND, null)));
        when(owned.find(TENANT, "ent-1")).thenReturn(Optional.of(entitlement(false)));
        assertThat(software.getKey(choice("2022", "de-DE", "x64"), AGENT))
                .isEqualTo(new GetProductKey.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.REVOKED, null)));
        assertThat(software.create(choice("2022", "de-DE", "x64"), AGENT))
                .isEqualTo(new CreateDownloadLink.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.REVOKED, null)));
        assertThat(software.getKey(choice("2022", "de-DE", "x64"), Actor.customer("it@contoso.example", TENANT)))
                .isInstanceOf(GetProductKey.Refused.class);
    }

    @Test
    void aLinkLivesFourteenDaysAndFiftyDownloads() {
        when(store.file(eq("WS2022STD"), any(), any(), any())).thenReturn(Optional.of(file()));
        when(tokens.tokenFor(any())).thenAnswer(call -> "signed." + call.getArgument(0));

        var created = (CreateDownloadLink.Created) software.create(choice("2019", "de-DE", "x64"), AGENT);

        assertThat(created.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(created.downloadsRemaining()).isEqualTo(50);
        assertThat(created.fileName()).isEqualTo("ws2019.iso");
        assertThat(created.toString()).doesNotContain(created.token());
        ArgumentCaptor<DownloadLinks.StoredLink> stored = ArgumentCaptor.forClass(DownloadLinks.StoredLink.class);
        verify(links).add(stored.capture());
        assertThat(stored.getValue().createdBy()).isEqualTo("admin.agent@partner.example");
        assertThat(stored.getValue().id()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void theFiftiethDownloadIsServedAndAfterItNeitherADownloadNorARange() {
        when(tokens.linkIdOf("t")).thenReturn(Optional.of("link-1"));
        when(store.file(any(), any(), any(), any())).thenReturn(Optional.of(file()));
        link(49, 0, NOW.minusSeconds(60));
        assertThat(software.open("t", Use.send(0, SIZE))).isInstanceOfSatisfying(DownloadSoftware.Granted.class,
                granted -> assertThat(granted.downloadsRemaining()).isZero());
        verify(links).recordDownload("link-1");
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(logged.capture());
        assertThat(logged.getValue().operationType()).isEqualTo("download_software");
        assertThat(logged.getValue().userPrincipalName()).isEqualTo("admin.agent@partner.example");
        assertThat(logged.getValue().customizedData()).containsEntry("bytes", String.valueOf(SIZE)).doesNotContainKey("range");

        // #13: after the 50th whole download, ranges went on (49 more near-whole copies). Now nothing more is sent.
        link(50, 0, NOW.minusSeconds(60));
        assertThat(software.open("t", Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        assertThat(software.open("t", Use.ask(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        assertThat(software.open("t", Use.send(1, SIZE - 1))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        assertThat(software.open("t", Use.send(SIZE - 1, 1))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        verify(links, never()).recordResumedPart(any(), anyLong());
        verify(activityLog, times(1)).append(any());
    }

    @Test
    void everyServedRangeCountsItsBytesAndIsInTheActivityLog() {
        when(tokens.linkIdOf("t")).thenReturn(Optional.of("link-1"));
        when(tokens.tokenFor("link-1")).thenReturn("link-1.secret-mac");
        when(store.file(any(), any(), any(), any())).thenReturn(Optional.of(file()));
        link(1, 0, NOW.minusSeconds(60));
        assertThat(software.open("t", Use.send(SIZE / 2, SIZE - SIZE / 2))).isInstanceOfSatisfying(DownloadSoftware.Granted.class,
                granted -> assertThat(granted.downloadsRemaining()).isEqualTo(48));
        assertThat(software.open("t", Use.send(0, 100))).isInstanceOf(DownloadSoftware.Granted.class);
        verify(links).recordResumedPart("link-1", SIZE - SIZE / 2);
        verify(links).recordDownload("link-1");
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, times(2)).append(logged.capture());
        assertThat(logged.getAllValues()).extracting(ActivityEntry::operationType).containsOnly("download_software");
        assertThat(logged.getAllValues().get(0).customizedData())
                .containsEntry("range", (SIZE / 2) + "-" + (SIZE - 1) + "/" + SIZE)
                .containsEntry("bytes", String.valueOf(SIZE - SIZE / 2))
                .containsEntry(ActivityEntry.LINK_ID, "link-1").containsEntry("fileName", "ws2019.iso");
        assertThat(logged.getAllValues().get(1).customizedData())
                .containsEntry("range", "0-99/" + SIZE).containsEntry("bytes", "100");
        assertThat(logged.getAllValues()).allSatisfy(entry -> assertThat(entry.toString()).doesNotContain("secret-mac"));
    }

    @Test
    void onceFiftyDownloadsWorthOfPartsAreSentNoPartIsServedNotEvenAByte() {
        when(tokens.linkIdOf("t")).thenReturn(Optional.of("link-1"));
        when(store.file(any(), any(), any(), any())).thenReturn(Optional.of(file()));
        link(0, 50 * SIZE, NOW.minusSeconds(60));
        assertThat(software.open("t", Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        assertThat(software.open("t", Use.send(1, 1))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        assertThat(software.open("t", Use.ask(1, 1))).isEqualTo(new DownloadSoftware.Refused("link_exhausted"));
        // Looking up the file (for a range or a conditional request) still works; it sends nothing.
        assertThat(software.open("t", Use.look())).isInstanceOf(DownloadSoftware.Granted.class);
        verify(links, never()).recordResumedPart(any(), anyLong());
    }

    @Test
    void askingAndLookingRecordNothing() {
        when(tokens.linkIdOf("t")).thenReturn(Optional.of("link-1"));
        when(store.file(any(), any(), any(), any())).thenReturn(Optional.of(file()));
        link(3, SIZE, NOW.minusSeconds(60));
        assertThat(software.open("t", Use.ask(0, SIZE))).isInstanceOfSatisfying(DownloadSoftware.Granted.class,
                granted -> assertThat(granted.downloadsRemaining()).isEqualTo(46));
        assertThat(software.open("t", Use.ask(SIZE / 2, SIZE / 2))).isInstanceOf(DownloadSoftware.Granted.class);
        assertThat(software.open("t", Use.look())).isInstanceOf(DownloadSoftware.Granted.class);
        verify(links, never()).recordDownload(any());
        verify(links, never()).recordResumedPart(any(), anyLong());
        verify(activityLog, never()).append(any());
    }

    @Test
    void expiredTamperedAndRevokedLinksServeNothing() {
        when(tokens.linkIdOf("t")).thenReturn(Optional.of("link-1"));
        when(tokens.linkIdOf("forged")).thenReturn(Optional.empty());
        link(0, 0, NOW.minus(Duration.ofDays(14)));
        assertThat(software.open("t", Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_expired"));
        assertThat(software.open("t", Use.look())).isEqualTo(new DownloadSoftware.Refused("link_expired"));
        link(0, 0, NOW.minus(Duration.ofDays(14)).plusSeconds(1));
        when(store.file(any(), any(), any(), any())).thenReturn(Optional.of(file()));
        assertThat(software.open("t", Use.send(0, SIZE))).isInstanceOf(DownloadSoftware.Granted.class);
        assertThat(software.open("forged", Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_invalid"));
        assertThat(software.open(null, Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_invalid"));
        when(owned.find(TENANT, "ent-1")).thenReturn(Optional.of(entitlement(false)));
        assertThat(software.open("t", Use.send(0, SIZE))).isEqualTo(new DownloadSoftware.Refused("link_revoked"));
        verify(links, never()).add(any());
    }

    @Test
    void theListShowsCancelledLinesWithoutAKey() {
        when(owned.ofCustomer(TENANT)).thenReturn(List.of(entitlement(true), entitlement(false)));
        var list = TestActors.found(software.list(REF, AGENT));
        assertThat(list).extracting(v -> v.keyAvailable()).containsExactly(true, false);
        assertThat(software.list(REF, Actor.customer("x", OTHER))).isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(TestActors.found(software.list(REF, Actor.customer("x", TENANT)))).hasSize(2);
    }

    @Test
    void onlyTheTablesRolesListGetKeysOrMakeLinksAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.VIEW_SOFTWARE)) {
            assertThat(software.list(REF, actor)).isEqualTo(Lookup.notPermitted(Permission.VIEW_SOFTWARE));
        }
        for (Actor actor : TestActors.refused(Permission.GET_PRODUCT_KEY)) {
            assertThat(software.getKey(choice("2022", "de-DE", "x64"), actor))
                    .isEqualTo(new GetProductKey.NotPermitted(Permission.GET_PRODUCT_KEY));
        }
        for (Actor actor : TestActors.refused(Permission.CREATE_DOWNLOAD_LINK)) {
            assertThat(software.create(choice("2022", "de-DE", "x64"), actor))
                    .isEqualTo(new CreateDownloadLink.NotPermitted(Permission.CREATE_DOWNLOAD_LINK));
        }
        verifyNoInteractions(customers, owned, vault, issuer, links, tokens, store, activityLog, transactions);
        when(vault.find("ent-1", SoftwareVersion.of("2022"))).thenReturn(Optional.of(KEY));
        assertThat(software.getKey(choice("2022", "de-DE", "x64"), Actor.customer("it@contoso.example", TENANT)))
                .isEqualTo(new GetProductKey.Key(KEY));
    }

    private void link(int downloads, long bytesServed, Instant issuedAt) {
        when(links.findForUpdate("link-1")).thenReturn(Optional.of(new DownloadLinks.StoredLink("link-1", "ent-1", TENANT,
                SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64,
                new DownloadLink(issuedAt, downloads, bytesServed, false), "admin.agent@partner.example")));
    }

    private void assertRefused(ChosenSoftware choice, SoftwareRefusal.Reason reason, String field) {
        assertThat(software.getKey(choice, AGENT)).isEqualTo(new GetProductKey.Refused(new SoftwareRefusal(reason, field)));
    }

    private static ChosenSoftware choice(String version, String language, String bitness) {
        return new ChosenSoftware(REF, "ent-1", version, language, bitness);
    }

    private static Entitlement entitlement(boolean active) {
        return new Entitlement("ent-1", TENANT, "order-1", 0, "WS2022STD", "0001", "Windows Server 2022 Standard",
                ContractType.PERPETUAL, NOW.minusSeconds(3600),
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2016")),
                Set.of(SoftwareLanguage.of("en-US"), SoftwareLanguage.of("de-DE")), Set.of(Bitness.X64), active);
    }

    /** The file's size: a link may send 50 times as many bytes. */
    private static final long SIZE = 5_000_000_000L;

    private static DownloadableFile file() {
        return new DownloadableFile() {
            public String fileName() {
                return "ws2019.iso";
            }

            public long sizeBytes() {
                return SIZE;
            }

            public String sha256() {
                return "ab".repeat(32);
            }

            public InputStream openAt(long offset) {
                return new ByteArrayInputStream(new byte[]{1, 2, 3}, (int) offset, 3 - (int) offset);
            }
        };
    }
}
