package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.catalog.port.in.CatalogViews;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.application.invoicing.MonthlyInvoicing;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.sandbox.SandboxTimeTravel;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.DownloadSoftware;
import com.cspdesk.application.software.port.in.GetProductKey;
import com.cspdesk.application.software.port.in.ListSoftware;
import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.application.subscriptions.port.in.RenewSubscriptions;
import com.cspdesk.application.support.port.in.CreateServiceRequest;
import com.cspdesk.application.support.port.in.UpdateServiceRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.market.Market;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sandbox mode with {@code cspdesk.demo.history.enabled} (on in {@code ./run-demo}): on the first start on
 * fresh data, a year of a partner's work so the first look shows the product — orders of every kind across
 * the demo customers (perpetual software, software subscriptions, Azure reservations with their provisioning
 * context, a software plan, an order of several lines), some cancelled for a credit, keys fetched and files
 * downloaded by the partner's agent and the customer's admin, a goodwill credit note, the monthly invoice runs
 * of every month that ended, a one-year subscription renewed, and an open support request with a note.
 *
 * <p>Everything goes through the product's own use cases, as the people named would have done it, while the
 * sandbox clock stands in the past: bootstrap's Clocks begins it thirteen months back on fresh data only, and
 * the history lets time pass from step to step ({@link SandboxTimeTravel#passTo}), running the month's invoice
 * run after each month ends and the renewals as their schedules would, then catches up with real time
 * ({@link SandboxTimeTravel#catchUp}), which saves the offset. So every record (the activity chain, invoices,
 * credit notes, webhook events) is the one the product makes, and a restart finds a saved offset and makes
 * nothing again. A clock that did not begin in the past (data not fresh) makes no history.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
@Requires(property = "cspdesk.demo.history.enabled", value = "true")
class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

    private static final String CONTOSO = DemoCustomers.CONTOSO;
    private static final String FABRIKAM = DemoCustomers.FABRIKAM;
    private static final String NORTHWIND = DemoCustomers.NORTHWIND;
    private static final String WINGTIP = DemoCustomers.WINGTIP;
    private static final String KALAALLIT = DemoCustomers.KALAALLIT;

    private static final String WS_DATACENTER = "DG7GMGF043ZJ";
    private static final String WS_STANDARD = "DG7GMGF0BHXC";
    private static final String WS_DATACENTER_SUBSCRIPTION = "DG7GMGF0NSR4";
    private static final String WS_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";
    private static final String SQL_STANDARD = "DG7GMGF0MGVZ";
    private static final String SQL_ENTERPRISE = "DG7GMGF001SE";
    private static final String SQL_STANDARD_SUBSCRIPTION = "DG7GMGF0L2EI";
    private static final String RESERVED_VM_D2S = "DG7GMGF01Z2K";
    private static final String RESERVED_VM_D4S = "DG7GMGF0JN30";
    private static final String AZURE_SQL_CAPACITY = "DG7GMGF0U5Y1";
    private static final String SUSE_PLAN = "DG7GMGF086YL";

    /** Azure subscriptions the demo's reservations apply to (made up, like the tenants). */
    private static final String CONTOSO_AZURE = "3d6f2a18-5b7c-4e90-a1d2-6c8e0f4b2a71";
    private static final String NORTHWIND_AZURE = "8b1c4e7a-2d5f-4a36-9e08-b7c1d3f5a924";
    private static final String FABRIKAM_AZURE = "e4a7c2b9-6f1d-4c58-8a3e-0d9b5f7c1e62";

    /** Where the people worked from: documentation addresses (RFC 5737), which reach nobody. */
    private static final String PARTNER_OFFICE = "203.0.113.24";
    private static final String CONTOSO_OFFICE = "198.51.100.7";

    private final SandboxClock clock;
    private final SandboxTimeTravel time;
    private final MonthlyInvoicing invoicing;
    private final RenewSubscriptions renewals;
    private final ListAvailabilities availabilities;
    private final PlaceOrder placeOrder;
    private final CancelOrder cancelOrder;
    private final ListSoftware software;
    private final GetProductKey keys;
    private final CreateDownloadLink links;
    private final DownloadSoftware downloads;
    private final IssueCreditNote creditNotes;
    private final CreateServiceRequest serviceRequests;
    private final UpdateServiceRequest serviceRequestUpdates;
    /** Counted while the history is made (once, at start-up). */
    private int invoiceRuns;
    private int renewed;

    DemoHistory(SandboxClock clock, SandboxTimeTravel time, MonthlyInvoicing invoicing, RenewSubscriptions renewals,
                ListAvailabilities availabilities, PlaceOrder placeOrder, CancelOrder cancelOrder, ListSoftware software,
                GetProductKey keys, CreateDownloadLink links, DownloadSoftware downloads, IssueCreditNote creditNotes,
                CreateServiceRequest serviceRequests, UpdateServiceRequest serviceRequestUpdates) {
        this.clock = clock;
        this.time = time;
        this.invoicing = invoicing;
        this.renewals = renewals;
        this.availabilities = availabilities;
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
        this.software = software;
        this.keys = keys;
        this.links = links;
        this.downloads = downloads;
        this.creditNotes = creditNotes;
        this.serviceRequests = serviceRequests;
        this.serviceRequestUpdates = serviceRequestUpdates;
    }

    /** Whether the sandbox clock began in the past for the history: fresh data, history on (Clocks). */
    boolean due() {
        return clock.offset().isNegative();
    }

    /**
     * Makes the history when {@link #due()}, after the demo users, customers and (when {@code withDownloads})
     * software files are there; answers what it made, empty when not due. A refusal of any step is a bug in
     * this script and stops the start.
     */
    Optional<Made> make(boolean withDownloads) {
        if (!due()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Script script = new Script(withDownloads, clock.instant().minus(clock.offset()));
        script.write();
        for (Step step : script.steps.stream().sorted(Comparator.comparing(Step::at)).toList()) {
            invoiceMonthsEndedBefore(step.at());
            time.passTo(step.at());
            renewed += renewals.renewDue();
            step.act().run();
        }
        invoiceMonthsEndedBefore(clock.instant().minus(clock.offset()));
        time.catchUp();
        renewed += renewals.renewDue();
        Made made = new Made(script.orders, script.cancellations, script.keysFetched, script.downloadsCounted, invoiceRuns, renewed,
                Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Made the demo's history: {} orders ({} cancellations), {} keys fetched, {} downloads, {} invoice runs,"
                        + " subscriptions renewed: {}, in {} ms", made.orders(), made.cancellations(), made.keys(),
                made.downloads(), made.invoiceRuns(), made.renewals(), made.took().toMillis());
        return Optional.of(made);
    }

    /** The scheduled invoice run (and the renewals), an hour after each month that ends before {@code until}. */
    private void invoiceMonthsEndedBefore(Instant until) {
        Instant next = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).plusMonths(1).atDay(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1));
        while (next.isBefore(until)) {
            time.passTo(next);
            renewed += renewals.renewDue();
            invoiceRuns += invoicing.invoiceLastMonth().isPresent() ? 1 : 0;
            next = YearMonth.from(next.atOffset(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1));
        }
    }

    /** What the history made, for the log and the tests. */
    record Made(int orders, int cancellations, int keys, int downloads, int invoiceRuns, int renewals, Duration took) {
    }

    private record Step(Instant at, Runnable act) {
    }

    /** The year, step by step, in days before today (real time) at a time of day (UTC). */
    private final class Script {

        private final boolean withDownloads;
        private final Instant today;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, OrderView> placed = new HashMap<>();
        private final Map<String, String> requests = new HashMap<>();
        private int orders;
        private int cancellations;
        private int keysFetched;
        private int downloadsCounted;

        Script(boolean withDownloads, Instant realNow) {
            this.withDownloads = withDownloads;
            this.today = realNow.truncatedTo(ChronoUnit.DAYS);
        }

        private final Actor agent = user("admin.agent@partner.demo", PARTNER_OFFICE);
        private final Actor globalAdmin = user("global.admin@partner.demo", PARTNER_OFFICE);
        private final Actor accountAdmin = user("account.admin@partner.demo", PARTNER_OFFICE);
        private final Actor supportStaff = user("support.staff@partner.demo", PARTNER_OFFICE);
        private final Actor contosoAdmin = user("customer.admin@contoso.demo", CONTOSO_OFFICE);

        void write() {
            // A year ago: the first subscription (renewed a month ago) and the first licences.
            at(395, "10:20", () -> order("fabrikam-ws-subscription", agent, FABRIKAM,
                    line(WS_STANDARD_SUBSCRIPTION, "0001", 2)));
            at(392, "14:05", () -> order("contoso-sql-2022", agent, CONTOSO, line(SQL_STANDARD, "0001", 4)));
            at(392, "14:12", () -> key(agent, "contoso-sql-2022", 0, "2022", "en-US"));
            at(391, "08:47", () -> key(contosoAdmin, "contoso-sql-2022", 0, "2022", "de-DE"));
            at(391, "08:49", () -> download(contosoAdmin, "contoso-sql-2022", 0, "2022", "de-DE", 1));
            at(250, "11:30", () -> order("northwind-ws-2022", agent, NORTHWIND, line(WS_STANDARD, "0001", 1)));
            at(250, "11:41", () -> key(agent, "northwind-ws-2022", 0, "2022", "en-US"));
            // The last three months.
            at(96, "09:15", () -> order("contoso-ws-2022", agent, CONTOSO,
                    line(WS_STANDARD, "0001", 2), line(WS_STANDARD, "0002", 4)));
            at(95, "10:02", () -> key(agent, "contoso-ws-2022", 0, "2022", "de-DE"));
            at(94, "16:40", () -> key(contosoAdmin, "contoso-ws-2022", 0, "2022", "de-DE"));
            at(94, "16:43", () -> download(contosoAdmin, "contoso-ws-2022", 0, "2022", "de-DE", 2));
            at(88, "13:25", () -> order("northwind-reserved-vm", agent, NORTHWIND, reservation(RESERVED_VM_D2S, "0001", 2,
                    Map.of("subscriptionId", NORTHWIND_AZURE, "scope", "shared", "duration", "1Year"))));
            at(83, "09:50", () -> order("fabrikam-sql-enterprise", globalAdmin, FABRIKAM, line(SQL_ENTERPRISE, "0001", 8)));
            at(82, "11:10", () -> key(agent, "fabrikam-sql-enterprise", 0, "2022", "en-US"));
            at(82, "11:14", () -> download(agent, "fabrikam-sql-enterprise", 0, "2022", "en-US", 1));
            at(76, "15:35", () -> order("wingtip-ws-subscription", agent, WINGTIP,
                    line(WS_DATACENTER_SUBSCRIPTION, "0001", 1)));
            at(76, "15:44", () -> key(agent, "wingtip-ws-subscription", 0, "2022", "sv-SE"));
            // Enterprise instead of Standard, noticed the next morning: cancelled for a full credit.
            at(66, "17:05", () -> order("contoso-sql-enterprise", agent, CONTOSO, line(SQL_ENTERPRISE, "0001", 2)));
            at(65, "09:30", () -> cancel("contoso-sql-enterprise", agent));
            at(55, "14:00", () -> goodwill(accountAdmin, "contoso-ws-2022", "50.00", "EUR",
                    "Goodwill for the keys that reached Contoso two days late"));
            at(50, "10:45", () -> order("northwind-ws-cores", agent, NORTHWIND, line(WS_STANDARD, "0002", 8)));
            at(50, "10:52", () -> key(agent, "northwind-ws-cores", 0, "2022", "en-US"));
            at(45, "13:10", () -> order("contoso-sql-subscription", agent, CONTOSO,
                    line(SQL_STANDARD_SUBSCRIPTION, "0001", 4)));
            at(44, "08:55", () -> key(contosoAdmin, "contoso-sql-subscription", 0, "2022", "de-DE"));
            at(40, "11:20", () -> order("fabrikam-sql-capacity", agent, FABRIKAM, reservation(AZURE_SQL_CAPACITY, "0001", 2,
                    Map.of("subscriptionId", FABRIKAM_AZURE, "scope", "single", "resourceGroup", "rg-fabrikam-sql",
                            "duration", "1Year"))));
            at(36, "16:15", () -> order("wingtip-ws-datacenter", agent, WINGTIP, line(WS_DATACENTER, "0001", 1)));
            at(35, "09:05", () -> cancel("wingtip-ws-datacenter", agent));
            at(30, "10:30", () -> order("contoso-reserved-vm", globalAdmin, CONTOSO, reservation(RESERVED_VM_D4S, "0002", 1,
                    Map.of("subscriptionId", CONTOSO_AZURE, "scope", "shared", "duration", "3Years"))));
            at(22, "14:50", () -> order("northwind-suse", agent, NORTHWIND, line(SUSE_PLAN, "0001", 3)));
            at(18, "09:40", () -> order("contoso-cart", agent, CONTOSO,
                    line(WS_STANDARD, "0001", 1), line(SQL_STANDARD, "0001", 2)));
            at(15, "11:55", () -> cancel("contoso-cart", agent, 1));
            at(12, "15:20", () -> refundRequest(agent, "contoso-ws-2022", "250.00", "EUR"));
            at(10, "10:10", () -> note(supportStaff, "contoso-ws-2022",
                    "We have asked Microsoft to confirm that the four 2-core packs were never activated."
                            + " Please send the customer's confirmation that they are not in use."));
            at(5, "13:35", () -> order("kalaallit-ws-2022", agent, KALAALLIT, line(WS_STANDARD, "0001", 1)));
            at(5, "13:41", () -> key(agent, "kalaallit-ws-2022", 0, "2022", "en-US"));
            at(3, "08:20", () -> key(contosoAdmin, "contoso-cart", 0, "2022", "de-DE"));
            at(3, "08:24", () -> download(contosoAdmin, "contoso-cart", 0, "2022", "de-DE", 1));
            at(2, "12:10", () -> order("wingtip-sql-2022", globalAdmin, WINGTIP, line(SQL_STANDARD, "0001", 6)));
            at(1, "09:25", () -> key(agent, "fabrikam-sql-enterprise", 0, "2019", "en-US"));
            at(1, "09:28", () -> download(agent, "fabrikam-sql-enterprise", 0, "2019", "en-US", 1));
        }

        private void at(int daysAgo, String timeOfDay, Runnable act) {
            steps.add(new Step(today.minus(Duration.ofDays(daysAgo))
                    .plus(Duration.ofSeconds(LocalTime.parse(timeOfDay).toSecondOfDay())), act));
        }

        private Actor user(String username, String address) {
            DemoUsers.DemoUser user = DemoUsers.USERS.stream().filter(u -> u.username().equals(username)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no demo user " + username));
            Optional<String> tenant = user.role().isCustomerRole() ? Optional.of(DemoUsers.DEMO_CUSTOMER_TENANT)
                    : Optional.empty();
            return new Actor(user.username(), java.util.Set.of(user.role()), tenant, Optional.of(address));
        }

        private Line line(String productId, String skuId, int quantity) {
            return new Line(productId, skuId, quantity, Map.of());
        }

        private Line reservation(String productId, String skuId, int quantity, Map<String, String> provisioningContext) {
            return new Line(productId, skuId, quantity, provisioningContext);
        }

        private void order(String name, Actor actor, String tenant, Line... lines) {
            Market market = DemoCustomers.CUSTOMERS.stream().filter(c -> c.tenantId().equals(tenant)).findFirst()
                    .orElseThrow().country();
            List<PlaceOrder.LineItem> items = new ArrayList<>();
            for (Line line : lines) {
                items.add(new PlaceOrder.LineItem(items.size(), offer(line, market), line.quantity(), line.context()));
            }
            PlaceOrder.PlaceOrderResult result = placeOrder.place(
                    new PlaceOrder.PlaceOrderCommand(new CustomerRef.TenantId(tenant), "one_time", items), actor);
            if (!(result instanceof PlaceOrder.Placed done)) {
                throw refused("order " + name, result);
            }
            placed.put(name, done.order());
            orders++;
        }

        private String offer(Line line, Market market) {
            List<CatalogViews.AvailabilityView> found = availabilities
                    .availabilities(line.productId(), line.skuId(), market, agent).ifFound().orElse(List.of());
            return found.stream().filter(CatalogViews.AvailabilityView::purchasable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the demo's history found no offer of " + line.productId()
                            + ":" + line.skuId() + " in " + market))
                    .catalogItemId();
        }

        private void cancel(String name, Actor actor, Integer... lineItemNumbers) {
            OrderView order = placed.get(name);
            CancelOrder.CancelResult result = cancelOrder.cancel(new CancelOrder.CancelCommand(
                    new CustomerRef.TenantId(order.customerTenantId()), order.id(), Acknowledgement.dialog(true),
                    List.of(lineItemNumbers)), actor);
            if (!(result instanceof CancelOrder.Cancelled)) {
                throw refused("cancelling " + name, result);
            }
            cancellations++;
        }

        private ChosenSoftware choice(Actor actor, String name, int lineItemNumber, String version, String language) {
            OrderView order = placed.get(name);
            SoftwareView line = software.list(new CustomerRef.TenantId(order.customerTenantId()), actor).ifFound()
                    .orElseThrow(() -> new IllegalStateException("the demo's history cannot list the software of " + name))
                    .stream().filter(s -> s.orderId().equals(order.id()) && s.lineItemNumber() == lineItemNumber)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no software line " + lineItemNumber + " in " + name));
            return new ChosenSoftware(new CustomerRef.TenantId(order.customerTenantId()), line.id(), version, language, "x64");
        }

        private void key(Actor actor, String name, int lineItemNumber, String version, String language) {
            GetProductKey.KeyResult result = keys.getKey(choice(actor, name, lineItemNumber, version, language), actor);
            if (!(result instanceof GetProductKey.Key)) {
                throw refused("the key of " + name, result);
            }
            keysFetched++;
        }

        /** A download link, followed {@code times} times from the first byte to the last. */
        private void download(Actor actor, String name, int lineItemNumber, String version, String language, int times) {
            if (!withDownloads) {
                return;
            }
            CreateDownloadLink.LinkResult result = links.create(choice(actor, name, lineItemNumber, version, language), actor);
            if (!(result instanceof CreateDownloadLink.Created link)) {
                throw refused("a download link of " + name, result);
            }
            for (int i = 0; i < times; i++) {
                DownloadSoftware.DownloadResult opened = downloads.open(link.token(),
                        DownloadSoftware.Use.send(0, link.sizeBytes()));
                if (!(opened instanceof DownloadSoftware.Granted)) {
                    throw refused("a download of " + name, opened);
                }
                downloadsCounted++;
            }
        }

        private void goodwill(Actor actor, String name, String amount, String currency, String explanation) {
            OrderView order = placed.get(name);
            IssueCreditNote.IssueResult result = creditNotes.issue(new IssueCreditNote.NewCreditNote(
                    new CustomerRef.TenantId(order.customerTenantId()), order.id(), "goodwill", amount, currency, explanation),
                    actor);
            if (!(result instanceof IssueCreditNote.Issued)) {
                throw refused("a credit note on " + name, result);
            }
        }

        private void refundRequest(Actor actor, String name, String amount, String currency) {
            OrderView order = placed.get(name);
            CreateServiceRequest.CreateResult result = serviceRequests.create(new CreateServiceRequest.NewServiceRequest(
                    "csp_purchase_refund", "moderate", "Refund for four 2-core packs Contoso never used",
                    order.customerTenantId(), order.id(), null,
                    "Contoso ordered the 2-core packs beside the 16-core packs by mistake; the cancellation window has"
                            + " passed and the packs were never activated.",
                    amount, currency, "Admin Agent", "admin.agent@partner.demo", "+49 30 901820"), actor);
            if (!(result instanceof CreateServiceRequest.Created created)) {
                throw refused("a support request on " + name, result);
            }
            requests.put(name, created.request().id());
        }

        private void note(Actor actor, String name, String text) {
            UpdateServiceRequest.UpdateResult result = serviceRequestUpdates.update(requests.get(name),
                    new UpdateServiceRequest.Change(null, text, null), actor);
            if (!(result instanceof UpdateServiceRequest.Updated)) {
                throw refused("a note on the support request of " + name, result);
            }
        }

        private IllegalStateException refused(String what, Object result) {
            return new IllegalStateException("The demo's history was refused " + what + ": " + result);
        }
    }

    private record Line(String productId, String skuId, int quantity, Map<String, String> context) {
    }
}
