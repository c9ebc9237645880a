package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.activity.port.in.ActivityQuery;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.application.activity.port.in.QueryActivityLog;
import com.cspdesk.application.activity.port.in.VerifyActivityLog;
import com.cspdesk.application.invoicing.port.in.GetInvoice;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.in.ListInvoices;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.subscriptions.port.in.ListSubscriptions;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.application.support.port.in.ReadServiceRequests;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.bootstrap.Application;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 6: the demo's first start on fresh data (sandbox on, {@code cspdesk.demo.history.enabled},
 * the demo's software files) makes a year of history through the product's own use cases, on the throwaway
 * MariaDB — and a restart on the same data makes nothing again; the memory adapter starts with it too.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryEndToEndTest extends EndToEnd {

    private static final String CONTOSO = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";
    private static final String FABRIKAM = "7a2e4c61-3f0b-4d8e-9a15-6b4c2d1e0f93";
    private static final List<String> CUSTOMERS = List.of(CONTOSO, FABRIKAM, "9d3b1f27-6c4e-4a05-8b72-1e0f5a6c3d48",
            "2f8c5e14-9b3a-4d67-a0e1-4c7d2b9f6a35", "c4e6a8b0-1d3f-4521-9e7b-5a3c1f0d2e86");
    private static final Actor GLOBAL_ADMIN = Actor.partner("global.admin@partner.demo", Role.GLOBAL_ADMIN);
    private static final Actor ADMIN_AGENT = Actor.partner("admin.agent@partner.demo", Role.ADMIN_AGENT);

    private final Path store;
    private Map<String, String> properties;

    @Inject
    SandboxClock clock;
    @Inject
    QueryActivityLog activityLog;
    @Inject
    VerifyActivityLog verification;
    @Inject
    ListOrders orders;
    @Inject
    ListInvoices invoices;
    @Inject
    GetInvoice invoice;
    @Inject
    ReadServiceRequests serviceRequests;
    @Inject
    ListSubscriptions subscriptions;

    DemoHistoryEndToEndTest() throws IOException {
        store = Files.createTempDirectory("cspdesk-demo-history-store-");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> all = new HashMap<>(super.getProperties());
        all.putAll(demo());
        properties = Map.copyOf(all);
        return properties;
    }

    /** What ./run-demo's demo environment sets beside sandbox mode: the history and the software files. */
    private Map<String, String> demo() {
        return Map.of("cspdesk.demo.history.enabled", "true", "cspdesk.demo.software-files", "true",
                "cspdesk.software-store.path", store.toString(), "cspdesk.invoicing.schedule.enabled", "false",
                "cspdesk.subscriptions.renewal-schedule.enabled", "false");
    }

    @AfterAll
    void deleteStore() throws IOException {
        try (Stream<Path> left = Files.walk(store)) {
            left.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    @Order(1)
    void theFirstStartMadeTheHistoryAndCaughtUpWithRealTime() {
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);

        List<ActivityRecordView> lastThreeMonths = activity(Optional.of(Instant.now().minus(Duration.ofDays(89))));
        assertThat(lastThreeMonths.stream().map(ActivityRecordView::operationKind).collect(Collectors.toSet()))
                .contains("create_order", "cancel_order", "get_software_key", "get_software_download_link",
                        "download_software", "issue_credit", "ready_invoice", "create_service_request",
                        "update_service_request", "renew_subscription")
                .doesNotContain("update_sandbox_clock");
        assertThat(lastThreeMonths.stream().filter(r -> r.operationKind().equals("get_software_key"))
                .map(ActivityRecordView::userPrincipalName).collect(Collectors.toSet()))
                .contains("admin.agent@partner.demo", "customer.admin@contoso.demo");
        assertThat(lastThreeMonths.stream().map(ActivityRecordView::customerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())).containsAll(CUSTOMERS);
        assertThat(activity(Optional.empty())).as("the activity log's first page, the last 30 days").isNotEmpty();
        assertThat(verification.verify(GLOBAL_ADMIN).ifFound().orElseThrow().firstBrokenLink())
                .as("the activity chains stay intact").isEmpty();
    }

    @Test
    @Order(2)
    void ordersOfEveryKindOverTheMonthsSomeCancelled() {
        List<OrderView> all = CUSTOMERS.stream().flatMap(tenant -> ordersOf(tenant).stream()).toList();

        assertThat(all.stream().map(o -> YearMonth.from(o.creationDate().atOffset(ZoneOffset.UTC))).distinct().count())
                .as("orders spread over the months").isGreaterThanOrEqualTo(4);
        assertThat(all).anySatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
        assertThat(all).anySatisfy(o -> {
            assertThat(o.status()).isNotEqualTo(OrderStatus.CANCELLED);
            assertThat(o.lineItems()).hasSizeGreaterThan(1)
                    .anySatisfy(line -> assertThat(line.status()).isEqualTo(LineStatus.CANCELLED));
        });
        List<OrderView.Line> lines = all.stream().flatMap(o -> o.lineItems().stream()).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line.termDuration().hasTerm()).isFalse());
        assertThat(lines).anySatisfy(line -> assertThat(line.provisioning()).isPresent());
        assertThat(ordersOf(CONTOSO)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(3)
    void closedMonthlyInvoicesOneWithACreditAndARenewedSubscription() {
        List<InvoiceViews.InvoiceView> made = page(invoices.list(new PageRequest(100, Optional.empty()), GLOBAL_ADMIN)
                .ifFound().orElseThrow());

        assertThat(made).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(invoice -> assertThat(invoice.billingMonth()).isBefore(YearMonth.now(ZoneOffset.UTC)));
        InvoiceViews.InvoiceView credited = made.stream()
                .filter(invoice -> invoice.credits().gross().amount().signum() != 0).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice with a credit: " + made));
        assertThat(invoice.lineItems(credited.id(), GLOBAL_ADMIN).ifFound().orElseThrow())
                .anySatisfy(line -> assertThat(line.kind()).isEqualTo("credit"));

        List<SubscriptionView> fabrikam = subscriptions.list(new CustomerRef.TenantId(FABRIKAM),
                new PageRequest(100, Optional.empty()), ADMIN_AGENT).ifFound().orElseThrow().items();
        assertThat(fabrikam).anySatisfy(subscription -> {
            assertThat(subscription.termNumber()).isEqualTo(2);
            assertThat(subscription.termStart()).isBefore(Instant.now());
        });
    }

    @Test
    @Order(4)
    void anOpenSupportRequestWithANoteFromSupport() {
        List<ServiceRequestView> requests = serviceRequests.list(new PageRequest(100, Optional.empty()), ADMIN_AGENT)
                .ifFound().orElseThrow().items();

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo("open");
            assertThat(request.notes()).singleElement()
                    .satisfies(note -> assertThat(note.createdBy()).isEqualTo("support.staff@partner.demo"));
        });
    }

    @Test
    @Order(5)
    void aRestartOnTheSameDataMakesNothingAgain() {
        Instant from = Instant.now().minus(Duration.ofDays(89));
        int records = activity(Optional.of(from)).size();
        List<String> before = CUSTOMERS.stream().flatMap(tenant -> ordersOf(tenant).stream()).map(OrderView::id).toList();

        Map<String, String> again = new HashMap<>(properties);
        try (ApplicationContext restarted = ApplicationContext.builder().properties(new HashMap<>(again)).start()) {
            assertThat(restarted.getBean(SandboxClock.class).offset()).isEqualTo(Duration.ZERO);
        }

        assertThat(activity(Optional.of(from))).hasSize(records);
        assertThat(CUSTOMERS.stream().flatMap(tenant -> ordersOf(tenant).stream()).map(OrderView::id).toList())
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    @Order(6)
    void theMemoryAdapterStartsWithTheHistoryToo() {
        Map<String, String> memory = new HashMap<>(settings());
        memory.putAll(demo());
        memory.put("cspdesk.demo.software-files", "true");
        try (ApplicationContext started = ApplicationContext.builder(Application.MEMORY).properties(new HashMap<>(memory))
                .start()) {
            assertThat(started.getBean(SandboxClock.class).offset()).isEqualTo(Duration.ZERO);
            assertThat(started.getBean(ListInvoices.class).list(new PageRequest(100, Optional.empty()), GLOBAL_ADMIN)
                    .ifFound().orElseThrow().items()).isNotEmpty();
            assertThat(started.getBean(ListOrders.class).list(new CustomerRef.TenantId(CONTOSO),
                    new PageRequest(100, Optional.empty()), ADMIN_AGENT).ifFound().orElseThrow().items()).isNotEmpty();
        }
    }

    private List<OrderView> ordersOf(String tenant) {
        return page(orders.list(new CustomerRef.TenantId(tenant), new PageRequest(100, Optional.empty()), ADMIN_AGENT)
                .ifFound().orElseThrow());
    }

    private static <T> List<T> page(Page<T> page) {
        assertThat(page.continuationToken()).as("one page holds the demo's").isEmpty();
        return page.items();
    }

    private List<ActivityRecordView> activity(Optional<Instant> from) {
        List<ActivityRecordView> records = new ArrayList<>();
        QueryActivityLog.QueryResult result = activityLog.forEach(new ActivityQuery(from, Optional.empty(), Optional.empty(),
                new PageRequest(100, Optional.empty())), GLOBAL_ADMIN, records::add);
        assertThat(result).isInstanceOf(QueryActivityLog.Found.class);
        return records;
    }
}
