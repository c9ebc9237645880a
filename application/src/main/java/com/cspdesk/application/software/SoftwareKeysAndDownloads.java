package com.cspdesk.application.software;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.DownloadSoftware;
import com.cspdesk.application.software.port.in.DownloadSoftware.Use;
import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.application.software.port.in.GetProductKey;
import com.cspdesk.application.software.port.in.ListSoftware;
import com.cspdesk.application.software.port.in.SoftwareRefusal;
import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.DownloadTokens;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.application.software.port.out.ProductKeyIssuer;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.application.software.port.out.SoftwareStore;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadDecision;
import com.cspdesk.domain.software.DownloadLinkPolicy;
import com.cspdesk.domain.software.NewLinkDecision;
import com.cspdesk.domain.software.ProductKey;
import com.cspdesk.domain.software.SelectionDecision;
import com.cspdesk.domain.software.SoftwareSelection;
import com.cspdesk.domain.software.SoftwareSelectionPolicy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Spec "Activate and manage software subscriptions" and "Server subscription download and license
 * keys … for customers": the software list, keys and download links, each access recorded in the
 * activity log in the same transaction (who, when, which customer, what — never the key).
 */
public final class SoftwareKeysAndDownloads implements ListSoftware, GetProductKey, CreateDownloadLink, DownloadSoftware {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Customers customers;
    private final VisibleCustomers visibleCustomers;
    private final OwnedSoftware ownedSoftware;
    private final ProductKeyVault vault;
    private final ProductKeyIssuer issuer;
    private final DownloadLinks links;
    private final DownloadTokens tokens;
    private final SoftwareStore store;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final DownloadLinkPolicy linkPolicy;
    private final Clock clock;
    private final SoftwareSelectionPolicy selectionPolicy = SoftwareSelectionPolicy.withEarlierVersionRights();

    public SoftwareKeysAndDownloads(Customers customers, OwnedSoftware ownedSoftware, ProductKeyVault vault,
                                    ProductKeyIssuer issuer, DownloadLinks links, DownloadTokens tokens, SoftwareStore store,
                                    ActivityLog activityLog, Transactions transactions, DownloadLinkPolicy linkPolicy,
                                    Clock clock) {
        this.customers = customers;
        this.visibleCustomers = new VisibleCustomers(customers);
        this.ownedSoftware = ownedSoftware;
        this.vault = vault;
        this.issuer = issuer;
        this.links = links;
        this.tokens = tokens;
        this.store = store;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.linkPolicy = linkPolicy;
        this.clock = clock;
    }

    @Override
    public Lookup<List<SoftwareView>> list(CustomerRef customerRef, Actor actor) {
        if (!actor.may(Permission.VIEW_SOFTWARE)) {
            return Lookup.notPermitted(Permission.VIEW_SOFTWARE);
        }
        return Lookup.of(visibleCustomers.resolve(customerRef, actor), VisibleCustomers.NOT_FOUND)
                .map(customer -> ownedSoftware.ofCustomer(customer.tenantId()).stream()
                .map(SoftwareViews::view)
                .toList());
    }

    @Override
    public KeyResult getKey(ChosenSoftware choice, Actor actor) {
        if (!actor.may(Permission.GET_PRODUCT_KEY)) {
            return new GetProductKey.NotPermitted(Permission.GET_PRODUCT_KEY);
        }
        Checked checked = check(choice, actor);
        if (checked.refusal() != null) {
            return new GetProductKey.Refused(checked.refusal());
        }
        Entitlement entitlement = checked.entitlement();
        SoftwareSelection selection = checked.selection();
        return transactions.inTransaction(() -> {
            ProductKey key = vault.find(entitlement.id(), selection.version()).orElseGet(() -> {
                ProductKey issued = issuer.issue(entitlement, selection.version());
                // A concurrent first request may have kept its key first: then that one is the key.
                return vault.keep(entitlement.id(), selection.version(), issued) ? issued
                        : vault.find(entitlement.id(), selection.version()).orElseThrow();
            });
            activityLog.append(entry(Operation.GET_SOFTWARE_KEY, Resource.SOFTWARE_KEY, entitlement, checked.customer(), actor.username(),
                    actor.applicationId().orElse(null), selectionData(selection, Map.of())));
            return new Key(key);
        });
    }

    @Override
    public LinkResult create(ChosenSoftware choice, Actor actor) {
        if (!actor.may(Permission.CREATE_DOWNLOAD_LINK)) {
            return new CreateDownloadLink.NotPermitted(Permission.CREATE_DOWNLOAD_LINK);
        }
        Checked checked = check(choice, actor);
        if (checked.refusal() != null) {
            return new CreateDownloadLink.Refused(checked.refusal());
        }
        Entitlement entitlement = checked.entitlement();
        SoftwareSelection selection = checked.selection();
        Optional<DownloadableFile> file = store.file(entitlement.productId(), selection.version(), selection.language(),
                selection.bitness());
        if (file.isEmpty()) {
            return new CreateDownloadLink.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.FILE_UNAVAILABLE, null));
        }
        Instant now = now();
        NewLinkDecision decision = linkPolicy.issue(now, !entitlement.active());
        if (!(decision instanceof NewLinkDecision.Issued issued)) {
            return new CreateDownloadLink.Refused(new SoftwareRefusal(SoftwareRefusal.Reason.REVOKED, null));
        }
        String linkId = newLinkId();
        return transactions.inTransaction(() -> {
            links.add(new DownloadLinks.StoredLink(linkId, entitlement.id(), entitlement.customerTenantId(), selection.version(),
                    selection.language(), selection.bitness(), issued.link(), actor.username()));
            activityLog.append(entry(Operation.GET_SOFTWARE_DOWNLOAD_LINK, Resource.SOFTWARE_DOWNLOAD_LINK, entitlement,
                    checked.customer(), actor.username(), actor.applicationId().orElse(null),
                    selectionData(selection, Map.of(ActivityEntry.LINK_ID, linkId,
                            "expiresAt", issued.expiresAt().toString()))));
            return new Created(tokens.tokenFor(linkId), issued.expiresAt(), issued.downloadsRemaining(),
                    file.get().sha256(), file.get().sizeBytes(), file.get().fileName());
        });
    }

    @Override
    public DownloadResult open(String token, Use use) {
        Optional<String> linkId = token == null ? Optional.empty() : tokens.linkIdOf(token);
        if (linkId.isEmpty()) {
            return new DownloadSoftware.Refused("link_invalid");
        }
        return transactions.inTransaction(() -> {
            Optional<DownloadLinks.StoredLink> stored = links.findForUpdate(linkId.get());
            if (stored.isEmpty()) {
                return new DownloadSoftware.Refused("link_invalid");
            }
            DownloadLinks.StoredLink link = stored.get();
            Optional<Entitlement> entitlement = ownedSoftware.find(link.customerTenantId(), link.entitlementId());
            Optional<DownloadableFile> file = entitlement.flatMap(e -> store.file(e.productId(), link.version(), link.language(),
                    link.bitness()));
            // Without a file there is nothing to send: then the link is judged by time and revocation only.
            long size = file.map(DownloadableFile::sizeBytes).orElse(0L);
            DownloadDecision decision = use.fromFirstByte() ? linkPolicy.check(link.link(), now(), size)
                    : linkPolicy.checkPart(link.link(), now(), size, use.bytes());
            if (decision instanceof DownloadDecision.Refused refused) {
                return new DownloadSoftware.Refused(refused.reason().code());
            }
            if (entitlement.isEmpty() || !entitlement.get().active()) {
                return new DownloadSoftware.Refused("link_revoked");
            }
            if (file.isEmpty()) {
                return new DownloadSoftware.Refused("link_invalid");
            }
            int remaining = linkPolicy.downloadsRemaining(link.link(), size);
            if (use.kind() == DownloadSoftware.Kind.SEND) {
                if (use.fromFirstByte()) {
                    links.recordDownload(link.id());
                } else {
                    links.recordResumedPart(link.id(), use.bytes());
                }
                remaining = ((DownloadDecision.Allowed) decision).downloadsRemainingAfter();
                activityLog.append(downloadEntry(link, entitlement.get(), file.get(), use));
            }
            return new Granted(file.get(), linkPolicy.expiresAt(link.link()), Math.max(0, remaining));
        });
    }

    /**
     * Every request that sends bits, whole file or range, in the activity log: what was sent (the
     * range and its bytes), never the token. A request from the first byte is also a download.
     */
    private ActivityEntry downloadEntry(DownloadLinks.StoredLink link, Entitlement entitlement, DownloadableFile file, Use use) {
        Customers.Customer customer = customers.byTenantId(link.customerTenantId()).orElseThrow();
        SoftwareSelection selection = new SoftwareSelection(link.version(), link.language(), link.bitness());
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put(ActivityEntry.LINK_ID, link.id());
        sent.put("fileName", file.fileName());
        sent.put("bytes", String.valueOf(use.bytes()));
        if (use.firstByte() != 0 || use.bytes() != file.sizeBytes()) {
            sent.put("range", use.firstByte() + "-" + (use.firstByte() + use.bytes() - 1) + "/" + file.sizeBytes());
        }
        return entry(Operation.DOWNLOAD_SOFTWARE, Resource.SOFTWARE_DOWNLOAD, entitlement, customer, link.createdBy(), null,
                selectionData(selection, sent));
    }

    /** Customer, software and choice, checked in the order a person would read the refusals. */
    private Checked check(ChosenSoftware choice, Actor actor) {
        Optional<Customers.Customer> customer = visibleCustomers.resolve(choice.customer(), actor);
        Optional<Entitlement> entitlement = customer.flatMap(c -> choice.softwareId() == null ? Optional.empty()
                : ownedSoftware.find(c.tenantId(), choice.softwareId().strip()));
        if (entitlement.isEmpty()) {
            return Checked.refused(SoftwareRefusal.Reason.NOT_FOUND, null);
        }
        if (!entitlement.get().active()) {
            return Checked.refused(SoftwareRefusal.Reason.REVOKED, null);
        }
        Entitlement e = entitlement.get();
        Optional<SoftwareVersion> version = parse(() -> SoftwareVersion.of(choice.version().strip()));
        if (version.isEmpty() || !e.versions().contains(version.get())) {
            return Checked.refused(SoftwareRefusal.Reason.VERSION_NOT_ENTITLED, "version");
        }
        Optional<SoftwareLanguage> language = parse(() -> SoftwareLanguage.of(choice.language().strip()));
        if (language.isEmpty()) {
            return Checked.refused(SoftwareRefusal.Reason.LANGUAGE_NOT_OFFERED, "language");
        }
        Optional<Bitness> bitness = choice.bitness() == null ? Optional.empty()
                : Bitness.fromCode(choice.bitness().strip().toLowerCase(Locale.ROOT));
        if (bitness.isEmpty()) {
            return Checked.refused(SoftwareRefusal.Reason.BITNESS_NOT_OFFERED, "bitness");
        }
        SoftwareSelection selection = new SoftwareSelection(version.get(), language.get(), bitness.get());
        SelectionDecision decision = selectionPolicy.check(skuOf(e), selection);
        if (decision instanceof SelectionDecision.NotOffered notOffered) {
            return switch (notOffered.reason()) {
                case VERSION_NOT_ENTITLED -> Checked.refused(SoftwareRefusal.Reason.VERSION_NOT_ENTITLED, "version");
                case LANGUAGE_NOT_OFFERED -> Checked.refused(SoftwareRefusal.Reason.LANGUAGE_NOT_OFFERED, "language");
                case BITNESS_NOT_OFFERED -> Checked.refused(SoftwareRefusal.Reason.BITNESS_NOT_OFFERED, "bitness");
            };
        }
        return new Checked(customer.get(), e, selection, null);
    }

    /** The purchased SKU as the domain sees it: the newest version bought, its family the entitled versions. */
    private static SoftwareSku skuOf(Entitlement entitlement) {
        List<SoftwareVersion> oldestFirst = new ArrayList<>(entitlement.versions());
        java.util.Collections.reverse(oldestFirst);
        return new SoftwareSku(new ProductFamily(entitlement.productName(), oldestFirst), entitlement.versions().get(0),
                entitlement.languages(), entitlement.bitness());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private ActivityEntry entry(Operation operation, Resource resource, Entitlement entitlement, Customers.Customer customer,
                                String user, String applicationId, Map<String, String> data) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("productName", entitlement.productName());
        all.put("orderId", entitlement.orderId());
        all.putAll(data);
        return new ActivityEntry(now(), operation.kind(), ActivityEntry.SUCCEEDED, user, applicationId, customer.tenantId(),
                customer.companyName(), resource.kind(), entitlement.id(), all);
    }

    private static Map<String, String> selectionData(SoftwareSelection selection, Map<String, String> more) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("version", selection.version().name());
        data.put("language", selection.language().tag());
        data.put("bitness", selection.bitness().code());
        data.putAll(new java.util.TreeMap<>(more));
        return data;
    }

    private static String newLinkId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private record Checked(Customers.Customer customer, Entitlement entitlement, SoftwareSelection selection,
                           SoftwareRefusal refusal) {
        static Checked refused(SoftwareRefusal.Reason reason, String field) {
            return new Checked(null, null, null, new SoftwareRefusal(reason, field));
        }
    }
}
