package com.cspdesk.application.support;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Permission;
import static org.mockito.Mockito.verifyNoInteractions;

import com.cspdesk.domain.activity.ActivityEntry;
import org.mockito.ArgumentCaptor;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.in.AttachFile;
import com.cspdesk.application.support.port.in.CreateServiceRequest;
import com.cspdesk.application.support.port.in.CreateServiceRequest.NewServiceRequest;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.out.ContentSniffer;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.support.ServiceRequestStatus;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.application.ordering.port.out.Orders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

class SupportDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);

    private final ServiceRequests requests = mock(ServiceRequests.class);
    private final Customers customers = mock(Customers.class);
    private final Orders orders = mock(Orders.class);
    private final ContentSniffer sniffer = mock(ContentSniffer.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private SupportDesk desk;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        Customers.Customer contoso = new Customers.Customer(TENANT, "Contoso", "contoso.example", Market.of("DE"), NOW);
        when(customers.byTenantId(any())).thenReturn(Optional.empty());
        when(customers.byDomain(any())).thenReturn(Optional.empty());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(contoso));
        when(customers.byDomain("contoso.example")).thenReturn(Optional.of(contoso));
        // order-1: 1500.00 EUR gross, 200.00 of it credited already, so 1300.00 can still be credited.
        when(orders.find(any(), any())).thenReturn(Optional.empty());
        when(orders.find(TENANT, "order-1")).thenReturn(Optional.of(order("order-1", "1500.00", "200.00")));
        desk = new SupportDesk(requests, orders, customers, sniffer, activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void filesARefundRequestAndLogsIt() {
        var result = desk.create(request("CONTOSO.example", "order-1", null, "1200.50", "EUR", "anna@partner.example"), AGENT);
        assertThat(result).isInstanceOfSatisfying(CreateServiceRequest.Created.class, created -> {
            assertThat(created.request().status()).isEqualTo("open");
            assertThat(created.request().description().customerTenantIdOrDomain()).isEqualTo(TENANT);
            assertThat(created.request().description().amountRequested()).isEqualTo(Money.of("1200.50", "EUR"));
        });
        verify(requests).add(any());
        verify(activityLog).append(any());
    }

    @Test
    void everyFieldIsCheckedByName() {
        assertRefused(request("contoso.example", "order-1", null, "10", "EUR", "not-an-email"), "contact.email");
        assertRefused(request("nobody.example", "order-1", null, "10", "EUR", "a@b.example"), "description.customerTenantIdOrDomain");
        assertRefused(request("contoso.example", null, null, "10", "EUR", "a@b.example"), "description.orderId");
        assertRefused(request("contoso.example", "o", "s", "10", "EUR", "a@b.example"), "description.orderId");
        assertRefused(request("contoso.example", "order-1", null, "-5", "EUR", "a@b.example"), "description.amountRequested");
        assertRefused(request("contoso.example", "order-1", null, "1.005", "EUR", "a@b.example"), "description.amountRequested");
        assertRefused(request("contoso.example", "order-1", null, "10", "XXX1", "a@b.example"), "description.amountRequested");
        verify(requests, never()).add(any());
    }

    @Test
    void attachmentsAreSniffedLimitedAndNamedSafely() {
        ServiceRequestView stored = ((CreateServiceRequest.Created) desk.create(
                request(TENANT, "order-1", null, "10", "EUR", "a@b.example"), AGENT)).request();
        when(requests.find(stored.id())).thenReturn(Optional.of(stored));
        when(sniffer.detect(any(), any())).thenReturn("application/pdf");
        assertThat(desk.attach(stored.id(), "invoice.pdf", new byte[]{'%', 'P', 'D', 'F'}, AGENT)).isInstanceOf(AttachFile.Attached.class);

        when(sniffer.detect(any(), any())).thenReturn("application/x-msdownload");
        assertThat(desk.attach(stored.id(), "invoice.pdf", new byte[]{'M', 'Z'}, AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_type_not_allowed"));
        assertThat(desk.attach(stored.id(), "../../etc/passwd", new byte[]{1}, AGENT)).isEqualTo(new AttachFile.Refused("file_name_invalid"));
        assertThat(desk.attach(stored.id(), "empty.txt", new byte[0], AGENT)).isEqualTo(new AttachFile.Refused("attachment_empty"));
        assertThat(desk.attach(stored.id(), "big.pdf", new byte[(int) SupportDesk.MAX_ATTACHMENT_BYTES + 1], AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_too_large"));
        assertThat(desk.attach("nope", "a.pdf", new byte[]{1}, AGENT)).isInstanceOf(AttachFile.RequestNotFound.class);
        verify(requests).addAttachment(any(), any(), any());
        // The one stored is on the activity log (after the request's own record): it raises service-request-updated.
        ArgumentCaptor<ActivityEntry> records = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, times(2)).append(records.capture());
        assertThat(records.getAllValues().get(1).operationType()).isEqualTo("attach_service_request_file");
        assertThat(records.getAllValues().get(1).resourceId()).isEqualTo(stored.id());
    }

    @Test
    void theExtensionMustBeAllowedAndBeWhatTheBytesAreAndNothingRefusedIsStored() {
        ServiceRequestView stored = ((CreateServiceRequest.Created) desk.create(
                request(TENANT, "order-1", null, "10", "EUR", "a@b.example"), AGENT)).request();
        when(requests.find(stored.id())).thenReturn(Optional.of(stored));

        when(sniffer.detect(any(), any())).thenReturn("image/png");
        assertThat(desk.attach(stored.id(), "statement.pdf", new byte[]{1}, AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_type_mismatch"));
        when(sniffer.detect(any(), any())).thenReturn("application/zip");
        assertThat(desk.attach(stored.id(), "statement.docx", new byte[]{1}, AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_type_not_allowed"));
        when(sniffer.detect(any(), any())).thenReturn("application/pdf");
        // An extension not allowed is refused before the bytes are looked at, whatever they are.
        assertThat(desk.attach(stored.id(), "statement.zip", new byte[]{1}, AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_type_not_allowed"));
        assertThat(desk.attach(stored.id(), "statement", new byte[]{1}, AGENT))
                .isEqualTo(new AttachFile.Refused("attachment_type_not_allowed"));
        verify(requests, never()).addAttachment(any(), any(), any());

        // Case does not matter; the extension's own type is what is stored.
        AttachFile.AttachResult upper = desk.attach(stored.id(), "STATEMENT.PDF", new byte[]{1}, AGENT);
        assertThat(((AttachFile.Attached) upper).attachment().contentType()).isEqualTo("application/pdf");
    }

    @Test
    void namesLoseBidiAndControlCharactersBeforeTheyAreSniffedOrStored() {
        ServiceRequestView stored = ((CreateServiceRequest.Created) desk.create(
                request(TENANT, "order-1", null, "10", "EUR", "a@b.example"), AGENT)).request();
        when(requests.find(stored.id())).thenReturn(Optional.of(stored));
        when(sniffer.detect(any(), any())).thenReturn("application/pdf");

        AttachFile.AttachResult result = desk.attach(stored.id(), "invoice\u202Egnp.pdf\u0000\u0085", new byte[]{1}, AGENT);

        assertThat(((AttachFile.Attached) result).attachment().fileName()).isEqualTo("invoicegnp.pdf");
        verify(sniffer).detect(any(), org.mockito.ArgumentMatchers.eq("invoicegnp.pdf"));
        // Only bidi and control characters: nothing left is no name.
        assertThat(desk.attach(stored.id(), "\u202E\u0001", new byte[]{1}, AGENT)).isEqualTo(new AttachFile.Refused("file_name_invalid"));
        // Names stored before the rule are shown clean too.
        assertThat(new ServiceRequestView.AttachmentView("a", "x\u202Efdp.exe", "application/pdf", 1, NOW).fileName())
                .isEqualTo("xfdp.exe");
    }

    @Test
    void onlyTheTablesRolesFileReadOrAttachAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.FILE_SERVICE_REQUEST)) {
            assertThat(desk.create(request("contoso.example", "order-1", null, "10", "EUR", "a@b.example"), actor))
                    .isEqualTo(new CreateServiceRequest.NotPermitted(Permission.FILE_SERVICE_REQUEST));
            assertThat(desk.attach("sr-1", "a.pdf", new byte[]{1}, actor))
                    .isEqualTo(new AttachFile.NotPermitted(Permission.FILE_SERVICE_REQUEST));
        }
        // Reading is both sides' (#16 item 4): the partner's agents and support staff.
        for (Actor actor : TestActors.refused(Permission.FOLLOW_SERVICE_REQUESTS)) {
            assertThat(desk.list(PageRequest.first(10), actor)).isEqualTo(Lookup.notPermitted(Permission.FOLLOW_SERVICE_REQUESTS));
            assertThat(desk.get("sr-1", actor)).isEqualTo(Lookup.notPermitted(Permission.FOLLOW_SERVICE_REQUESTS));
            assertThat(desk.read("sr-1", "a-1", actor)).isEqualTo(Lookup.notPermitted(Permission.FOLLOW_SERVICE_REQUESTS));
        }
        verifyNoInteractions(requests, orders, customers, sniffer, activityLog, transactions);
        assertThat(desk.get("sr-1", TestActors.holding(Role.GLOBAL_ADMIN))).isEqualTo(Lookup.notFound("service_request_not_found"));
        assertThat(desk.get("sr-1", TestActors.holding(Role.SUPPORT_STAFF))).isEqualTo(Lookup.notFound("service_request_not_found"));
        assertThat(desk.read("sr-1", "a-1", AGENT)).isEqualTo(Lookup.notFound("service_request_not_found"));
    }

    @Test
    void supportsQueueListsTheRequestsInOneStatus() {
        when(requests.page(Optional.of("in_progress"), Optional.empty(), 11)).thenReturn(List.of());
        when(requests.count(Optional.of("in_progress"))).thenReturn(0L);
        assertThat(TestActors.found(desk.list(PageRequest.first(10), Optional.of(ServiceRequestStatus.IN_PROGRESS),
                TestActors.holding(Role.SUPPORT_STAFF))).totalCount()).isZero();
        verify(requests).page(Optional.of("in_progress"), Optional.empty(), 11);
    }

    @Test
    void aRefundNamesAnOrderOfThatCustomerAndAsksAtMostWhatItCanStillBeCredited() {
        assertThat(desk.create(request(TENANT, "order-1", null, "1300.00", "EUR", "a@b.example"), AGENT))
                .isInstanceOf(CreateServiceRequest.Created.class);
        assertThat(desk.create(request(TENANT, "order-1", null, "1300.01", "EUR", "a@b.example"), AGENT))
                .isEqualTo(new CreateServiceRequest.Refused("amount_exceeds_creditable", "description.amountRequested"));
        assertThat(desk.create(request(TENANT, "order-1", null, "10", "USD", "a@b.example"), AGENT))
                .isEqualTo(new CreateServiceRequest.Refused("amount_currency_mismatch", "description.amountRequested"));
        // Another customer's order is looked up under this customer only, so it is unknown here.
        assertThat(desk.create(request(TENANT, "order-of-fabrikam", null, "10", "EUR", "a@b.example"), AGENT))
                .isEqualTo(new CreateServiceRequest.Refused("refund_order_not_found", "description.orderId"));
        verify(orders).find(TENANT, "order-of-fabrikam");
        verify(requests).add(any());
    }

    @Test
    void whatAnOrderCanStillBeCreditedIsItsGrossMinusItsCredits() {
        assertThat(SupportDesk.creditable(order("o", "99.99", "0.00"))).isEqualTo(Money.of("99.99", "EUR"));
        assertThat(SupportDesk.creditable(order("o", "99.99", "99.99"))).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(desk.create(request(TENANT, "order-1", null, "0.01", "EUR", "a@b.example"), AGENT))
                .isInstanceOf(CreateServiceRequest.Created.class);
    }

    /** One line charged {@code gross} (no tax part, to keep the sums plain) credited {@code credited}. */
    private static Orders.StoredOrder order(String id, String gross, String credited) {
        return RefundOrders.order(id, TENANT, NOW, gross, credited);
    }

    private void assertRefused(NewServiceRequest request, String field) {
        assertThat(desk.create(request, AGENT)).isInstanceOfSatisfying(CreateServiceRequest.Refused.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }

    private static NewServiceRequest request(String customer, String order, String subscription, String amount, String currency,
                                             String email) {
        return new NewServiceRequest("csp_purchase_refund", "moderate", "Refund after the window", customer, order,
                subscription, "Bought twice by mistake", amount, currency, "Anna Kovács", email, "+36 1 234 5678");
    }
}
