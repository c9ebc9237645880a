package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.AttachmentView;
import com.cspdesk.application.support.port.out.ServiceRequests;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Support requests and their attachments. An attachment's bytes are kept in the database
 * ({@code service_request_attachment.content}), never in a file named after what the user sent;
 * reading a request or a page of them never reads content.
 */
@StoredInDatabase
@Singleton
@Transactional
class ServiceRequestsJdbcAdapter implements ServiceRequests {

    private static final String REQUEST = "SELECT id, status, category, impact, title, customer_tenant_id_or_domain,"
            + " order_id, subscription_id, refund_reason, amount_requested, amount_currency, contact_name, contact_email,"
            + " contact_phone, created_at, created_by FROM service_request";
    private static final String ATTACHMENT = "SELECT id, request_id, file_name, content_type, size_bytes, added_at"
            + " FROM service_request_attachment";

    private final JdbcOperations jdbc;

    ServiceRequestsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the request as filed; attachments come one by one through {@link #addAttachment} (with their bytes). */
    @Override
    public void add(ServiceRequestView request) {
        if (!request.attachments().isEmpty()) {
            throw new IllegalArgumentException("attachments are added with their content, through addAttachment");
        }
        ServiceRequestView.Description d = request.description();
        JdbcRows.update(jdbc, "INSERT INTO service_request (id, status, category, impact, title, customer_tenant_id_or_domain,"
                        + " order_id, subscription_id, refund_reason, amount_requested, amount_currency, contact_name,"
                        + " contact_email, contact_phone, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id(), request.status(), request.category(), request.impact(), request.title(),
                d.customerTenantIdOrDomain(), d.orderId().orElse(null), d.subscriptionId().orElse(null), d.refundReason(),
                d.amountRequested(), d.amountRequested().currency().getCurrencyCode(), request.contact().name(),
                request.contact().email(), request.contact().phone(), request.createdAt(), request.createdBy());
    }

    @Override
    @ReadOnly
    public Optional<ServiceRequestView> find(String requestId) {
        return withAttachments(JdbcRows.list(jdbc, REQUEST + " WHERE id = ?", ServiceRequestsJdbcAdapter::request,
                requestId)).stream().findFirst();
    }

    /** Newest first on ix_service_request_created (created_at, id), keyset after the cursor. */
    @Override
    @ReadOnly
    public List<ServiceRequestView> page(Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<ServiceRequestView> rows = after
                .map(cursor -> JdbcRows.list(jdbc, REQUEST + " WHERE created_at < ? OR (created_at = ? AND id < ?)"
                                + " ORDER BY created_at DESC, id DESC LIMIT ?", ServiceRequestsJdbcAdapter::request,
                        cursor.createdAt(), cursor.createdAt(), cursor.id(), limit))
                .orElseGet(() -> JdbcRows.list(jdbc, REQUEST + " ORDER BY created_at DESC, id DESC LIMIT ?",
                        ServiceRequestsJdbcAdapter::request, limit));
        return withAttachments(rows);
    }

    @Override
    @ReadOnly
    public long count() {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM service_request");
    }

    /** The request must exist (foreign key); the size stored is the content's. */
    @Override
    public void addAttachment(String requestId, AttachmentView attachment, byte[] content) {
        if (content.length != attachment.sizeBytes()) {
            throw new IllegalArgumentException("attachment size " + attachment.sizeBytes() + " is not the content's "
                    + content.length);
        }
        JdbcRows.update(jdbc, "INSERT INTO service_request_attachment (id, request_id, file_name, content_type, size_bytes,"
                        + " added_at, content) VALUES (?, ?, ?, ?, ?, ?, ?)", attachment.id(), requestId,
                attachment.fileName(), attachment.contentType(), (long) content.length, attachment.addedAt(), content);
    }

    @Override
    @ReadOnly
    public Optional<byte[]> attachmentContent(String requestId, String attachmentId) {
        return JdbcRows.one(jdbc, "SELECT content FROM service_request_attachment WHERE request_id = ? AND id = ?",
                row -> row.getBytes(1), requestId, attachmentId);
    }

    /** The attachments of these requests in one query, oldest first. */
    private List<ServiceRequestView> withAttachments(List<ServiceRequestView> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<String, List<AttachmentView>> byRequest = new LinkedHashMap<>();
        requests.forEach(r -> byRequest.put(r.id(), new ArrayList<>()));
        JdbcRows.list(jdbc, ATTACHMENT + " WHERE request_id IN ("
                        + String.join(", ", Collections.nCopies(requests.size(), "?")) + ") ORDER BY request_id, added_at, id",
                row -> byRequest.get(row.getString("request_id")).add(new AttachmentView(row.getString("id"),
                        row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes"),
                        JdbcRows.instant(row, "added_at"))),
                byRequest.keySet().toArray());
        return requests.stream().map(r -> new ServiceRequestView(r.id(), r.status(), r.category(), r.impact(), r.title(),
                r.description(), r.contact(), r.createdAt(), r.createdBy(), byRequest.get(r.id()))).toList();
    }

    private static ServiceRequestView request(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("amount_currency"));
        return new ServiceRequestView(row.getString("id"), row.getString("status"), row.getString("category"),
                row.getString("impact"), row.getString("title"),
                new ServiceRequestView.Description(row.getString("customer_tenant_id_or_domain"),
                        Optional.ofNullable(row.getString("order_id")), Optional.ofNullable(row.getString("subscription_id")),
                        row.getString("refund_reason"), JdbcRows.money(row, "amount_requested", currency)),
                new ServiceRequestView.Contact(row.getString("contact_name"), row.getString("contact_email"),
                        row.getString("contact_phone")),
                JdbcRows.instant(row, "created_at"), row.getString("created_by"), List.of());
    }
}
