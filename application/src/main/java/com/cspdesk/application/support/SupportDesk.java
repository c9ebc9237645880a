package com.cspdesk.application.support;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.in.AttachFile;
import com.cspdesk.application.support.port.in.CreateServiceRequest;
import com.cspdesk.application.support.port.in.ReadServiceRequests;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.out.ContentSniffer;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.credit.CreditableLine;
import com.cspdesk.domain.credit.ManualCreditPolicy;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.contact.EmailAddress;
import com.cspdesk.domain.contact.PhoneNumber;
import com.cspdesk.domain.support.AttachmentNames;
import com.cspdesk.domain.support.ServiceRequestStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Spec "Submit a customer support request to cancel a purchase": filing, reading and attachments. Filing
 * and attaching are the partner's ({@code FILE_SERVICE_REQUEST}); reading is both sides'
 * ({@code FOLLOW_SERVICE_REQUESTS}: the partner's agents and support staff, #16 item 4).
 */
public final class SupportDesk implements CreateServiceRequest, ReadServiceRequests, AttachFile {

    public static final String CATEGORY = "csp_purchase_refund";
    static final String REQUEST_NOT_FOUND = "service_request_not_found";
    static final String ATTACHMENT_NOT_FOUND = "attachment_not_found";
    public static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;
    public static final int MAX_ATTACHMENTS = 10;
    public static final Set<String> ALLOWED_TYPES = AttachmentNames.ALLOWED_TYPES;
    private static final Set<String> IMPACTS = Set.of("low", "moderate", "high", "critical");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\:*?\"<>|\\p{Cntrl}]{1,200}");

    private final ServiceRequests requests;
    private final Orders orders;
    private final VisibleCustomers visibleCustomers;
    private final ContentSniffer sniffer;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public SupportDesk(ServiceRequests requests, Orders orders, Customers customers, ContentSniffer sniffer,
                       ActivityLog activityLog, Transactions transactions, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.visibleCustomers = new VisibleCustomers(customers);
        this.sniffer = sniffer;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreateResult create(NewServiceRequest r, Actor actor) {
        if (!actor.may(Permission.FILE_SERVICE_REQUEST)) {
            return new CreateServiceRequest.NotPermitted(Permission.FILE_SERVICE_REQUEST);
        }
        if (r.category() == null || !CATEGORY.equals(r.category().strip().toLowerCase(Locale.ROOT))) {
            return new CreateServiceRequest.Refused("category_invalid", "category");
        }
        if (r.impact() == null || !IMPACTS.contains(r.impact().strip().toLowerCase(Locale.ROOT))) {
            return new CreateServiceRequest.Refused("impact_invalid", "impact");
        }
        if (blank(r.title()) || r.title().length() > 200) {
            return new CreateServiceRequest.Refused("title_invalid", "title");
        }
        Optional<Customers.Customer> customer = CustomerRef.parse(r.customerTenantIdOrDomain())
                .flatMap(ref -> visibleCustomers.resolve(ref, actor));
        if (customer.isEmpty()) {
            return new CreateServiceRequest.Refused("customer_not_found", "description.customerTenantIdOrDomain");
        }
        if (blank(r.orderId()) == blank(r.subscriptionId())) {
            return new CreateServiceRequest.Refused("order_or_subscription_required", "description.orderId");
        }
        if (blank(r.refundReason()) || r.refundReason().length() > 4000) {
            return new CreateServiceRequest.Refused("refund_reason_invalid", "description.refundReason");
        }
        Optional<Money> amount = amount(r.amountRequested(), r.currency());
        if (amount.isEmpty()) {
            return new CreateServiceRequest.Refused("amount_invalid", "description.amountRequested");
        }
        if (!blank(r.orderId())) {
            // Only an order of this very customer, and only what it can still be credited.
            Optional<Orders.StoredOrder> order = orders.find(customer.get().tenantId(), r.orderId().strip());
            if (order.isEmpty()) {
                return new CreateServiceRequest.Refused("refund_order_not_found", "description.orderId");
            }
            if (!amount.get().hasCurrency(order.get().currency())) {
                return new CreateServiceRequest.Refused("amount_currency_mismatch", "description.amountRequested");
            }
            if (amount.get().isGreaterThan(creditable(order.get()))) {
                return new CreateServiceRequest.Refused("amount_exceeds_creditable", "description.amountRequested");
            }
        }
        if (blank(r.contactName()) || r.contactName().length() > 200) {
            return new CreateServiceRequest.Refused("contact_name_invalid", "contact.name");
        }
        if (EmailAddress.parse(r.contactEmail()).isEmpty()) {
            return new CreateServiceRequest.Refused("contact_email_invalid", "contact.email");
        }
        if (PhoneNumber.parse(r.contactPhone()).isEmpty()) {
            return new CreateServiceRequest.Refused("contact_phone_invalid", "contact.phone");
        }
        Instant now = now();
        ServiceRequestView view = new ServiceRequestView(UUID.randomUUID().toString(), ServiceRequestStatus.OPEN.code(), CATEGORY,
                r.impact().strip().toLowerCase(Locale.ROOT), r.title().strip(),
                new ServiceRequestView.Description(customer.get().tenantId(), optional(r.orderId()), optional(r.subscriptionId()),
                        r.refundReason().strip(), amount.get()),
                new ServiceRequestView.Contact(r.contactName().strip(), r.contactEmail().strip(), r.contactPhone().strip()),
                now, actor.username(), List.of());
        transactions.inTransaction(() -> {
            requests.add(view);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("category", CATEGORY);
            data.put("orderId", r.orderId() == null ? "" : r.orderId().strip());
            data.put("amountRequested", amount.get().amount().toPlainString() + " " + amount.get().currency().getCurrencyCode());
            activityLog.append(new ActivityEntry(now, Operation.CREATE_SERVICE_REQUEST.kind(), ActivityEntry.SUCCEEDED, actor.username(), actor.applicationId().orElse(null),
                    customer.get().tenantId(), customer.get().companyName(), Resource.SERVICE_REQUEST.kind(), view.id(), data));
            return null;
        });
        return new Created(view);
    }

    @Override
    public Lookup<Page<ServiceRequestView>> list(PageRequest page, Optional<ServiceRequestStatus> status, Actor actor) {
        if (!actor.may(Permission.FOLLOW_SERVICE_REQUESTS)) {
            return Lookup.notPermitted(Permission.FOLLOW_SERVICE_REQUESTS);
        }
        Optional<String> in = status.map(ServiceRequestStatus::code);
        Optional<ServiceRequests.Cursor> after = page.continuationToken().map(token -> {
            List<String> values = ContinuationTokens.decode("servicerequests", 2, token);
            try {
                return new ServiceRequests.Cursor(Instant.parse(values.get(0)), values.get(1));
            } catch (DateTimeParseException e) {
                throw new InvalidContinuationToken();
            }
        });
        List<ServiceRequestView> rows = requests.page(in, after, page.size() + 1);
        boolean more = rows.size() > page.size();
        List<ServiceRequestView> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = more ? Optional.of(ContinuationTokens.encode("servicerequests",
                shown.get(shown.size() - 1).createdAt().toString(), shown.get(shown.size() - 1).id())) : Optional.empty();
        return Lookup.found(new Page<>(shown, requests.count(in), next));
    }

    @Override
    public Lookup<ServiceRequestView> get(String requestId, Actor actor) {
        if (!actor.may(Permission.FOLLOW_SERVICE_REQUESTS)) {
            return Lookup.notPermitted(Permission.FOLLOW_SERVICE_REQUESTS);
        }
        return Lookup.of(requestId == null ? Optional.empty() : requests.find(requestId.strip()), REQUEST_NOT_FOUND);
    }

    @Override
    public AttachResult attach(String requestId, String fileName, byte[] content, Actor actor) {
        if (!actor.may(Permission.FILE_SERVICE_REQUEST)) {
            return new AttachFile.NotPermitted(Permission.FILE_SERVICE_REQUEST);
        }
        Optional<ServiceRequestView> request = get(requestId, actor).ifFound();
        if (request.isEmpty()) {
            return new RequestNotFound();
        }
        String name = AttachmentNames.clean(fileName);
        if (name == null || !FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
            return new AttachFile.Refused("file_name_invalid");
        }
        if (content == null || content.length == 0) {
            return new AttachFile.Refused("attachment_empty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            return new AttachFile.Refused("attachment_too_large");
        }
        if (request.get().attachments().size() >= MAX_ATTACHMENTS) {
            return new AttachFile.Refused("too_many_attachments");
        }
        Optional<String> named = AttachmentNames.typeOf(name);
        if (named.isEmpty()) {
            return new AttachFile.Refused("attachment_type_not_allowed");
        }
        String type = sniffer.detect(content, name);
        if (!ALLOWED_TYPES.contains(type)) {
            return new AttachFile.Refused("attachment_type_not_allowed");
        }
        if (!type.equals(named.get())) {
            return new AttachFile.Refused("attachment_type_mismatch");
        }
        ServiceRequestView.AttachmentView attachment = new ServiceRequestView.AttachmentView(UUID.randomUUID().toString(),
                name, type, content.length, now());
        transactions.inTransaction(() -> {
            requests.addAttachment(request.get().id(), attachment, content);
            // The request changed: on the activity log, which raises service-request-updated.
            activityLog.append(AdminActs.by(actor, attachment.addedAt(), Operation.ATTACH_SERVICE_REQUEST_FILE.kind(),
                    Resource.SERVICE_REQUEST.kind(), request.get().id(),
                    Map.of("attachmentId", attachment.id(), "size", Long.toString(content.length))));
            return null;
        });
        return new Attached(attachment);
    }

    @Override
    public Lookup<Attachment> read(String requestId, String attachmentId, Actor actor) {
        return get(requestId, actor).flatMap(request -> Lookup.of(request.attachments().stream()
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .flatMap(a -> requests.attachmentContent(request.id(), a.id())
                        .map(content -> new Attachment(a.fileName(), a.contentType(), content))), ATTACHMENT_NOT_FOUND));
    }

    /** The order's gross minus the credits already given for its lines: what a manual credit may still give (one rule). */
    static Money creditable(Orders.StoredOrder order) {
        return ManualCreditPolicy.creditable(order.lines().stream()
                .map(line -> new CreditableLine(line.lineItemNumber(), line.charged(), line.credited())).toList());
    }

    /** A positive amount in the currency's minor unit at most; empty for anything else ({@link Money#parsePositive}). */
    static Optional<Money> amount(String amount, String currency) {
        return Money.parsePositive(amount, currency);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<String> optional(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
