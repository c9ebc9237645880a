package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.AttachmentView;
import com.cspdesk.application.support.port.in.ServiceRequestView.NoteView;
import com.cspdesk.application.support.port.in.ServiceRequestView.Resolution;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.money.Money;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Support requests, their notes (#16 item 4) and their attachments. An attachment's bytes are kept in the database
 * ({@code service_request_attachment.content}), never in a file named after what the user sent;
 * reading a request or a page of them never reads content.
 */
@StoredInDatabase
@Singleton
@Transactional
class ServiceRequestsJdbcAdapter implements ServiceRequests {

    private static final String REQUEST = "SELECT id, status, category, impact, title, customer_tenant_id_or_domain,"
            + " order_id, subscription_id, refund_reason, amount_requested, amount_currency, contact_name, contact_email,"
            + " contact_phone, created_at, created_by, last_modified_at, resolution_outcome, resolution_amount,"
            + " resolution_currency, resolution_reason, resolved_by, resolved_at, refund_credited, refund_credited_currency"
            + " FROM service_request";
    private static final String ATTACHMENT = "SELECT id, request_id, file_name, content_type, size_bytes, added_at"
            + " FROM service_request_attachment";
    private static final String NOTE = "SELECT id, request_id, created_by, author_side, created_at, text FROM service_request_note";

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
        if (!request.notes().isEmpty()) {
            throw new IllegalArgumentException("notes are added one by one, through addNote");
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

    /**
     * Newest first on ix_service_request_created (created_at, id), or ix_service_request_status (status,
     * created_at, id) for one status; keyset after the cursor.
     */
    @Override
    @ReadOnly
    public List<ServiceRequestView> page(Optional<String> status, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(in -> {
            where.add("status = ?");
            parameters.add(in);
        });
        after.ifPresent(cursor -> {
            where.add("(created_at < ? OR (created_at = ? AND id < ?))");
            parameters.addAll(List.of(cursor.createdAt(), cursor.createdAt(), cursor.id()));
        });
        parameters.add(limit);
        return withAttachments(JdbcRows.list(jdbc, REQUEST + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT ?", ServiceRequestsJdbcAdapter::request, parameters.toArray()));
    }

    @Override
    @ReadOnly
    public long count(Optional<String> status) {
        return status.map(in -> JdbcRows.count(jdbc, "SELECT COUNT(*) FROM service_request WHERE status = ?", in))
                .orElseGet(() -> JdbcRows.count(jdbc, "SELECT COUNT(*) FROM service_request"));
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

    @Override
    public boolean changeStatus(String requestId, String from, String to, Instant at) {
        return JdbcRows.update(jdbc, "UPDATE service_request SET status = ?, last_modified_at = ? WHERE id = ? AND status = ?",
                to, at, requestId, from) == 1;
    }

    /** One statement: the status is still {@code from}, and a credit is written only where none was. */
    @Override
    public boolean resolve(String requestId, String from, Resolution resolution, Optional<Money> credited) {
        Money amount = resolution.approvedAmount().orElse(null);
        String sql = "UPDATE service_request SET status = 'resolved', last_modified_at = ?, resolution_outcome = ?,"
                + " resolution_amount = ?, resolution_currency = ?, resolution_reason = ?, resolved_by = ?, resolved_at = ?"
                + (credited.isPresent() ? ", refund_credited = ?, refund_credited_currency = ?" : "")
                + " WHERE id = ? AND status = ?" + (credited.isPresent() ? " AND refund_credited IS NULL" : "");
        List<Object> parameters = new ArrayList<>(Arrays.asList(resolution.resolvedAt(), resolution.outcome(),
                amount, amount == null ? null : amount.currency().getCurrencyCode(), resolution.reason().orElse(null),
                resolution.resolvedBy(), resolution.resolvedAt()));
        credited.ifPresent(credit -> parameters.addAll(List.of(credit, credit.currency().getCurrencyCode())));
        parameters.addAll(List.of(requestId, from));
        return JdbcRows.update(jdbc, sql, parameters.toArray()) == 1;
    }

    /** The request must exist (foreign key); it last changed when its newest note was written. */
    @Override
    public void addNote(String requestId, NoteView note) {
        JdbcRows.update(jdbc, "INSERT INTO service_request_note (id, request_id, created_by, author_side, created_at, text)"
                + " VALUES (?, ?, ?, ?, ?, ?)", note.id(), requestId, note.createdBy(), note.authorSide(), note.createdAt(),
                note.text());
        JdbcRows.update(jdbc, "UPDATE service_request SET last_modified_at = GREATEST(COALESCE(last_modified_at, created_at), ?)"
                + " WHERE id = ?", note.createdAt(), requestId);
    }

    /** The attachments and notes of these requests, one query each, oldest first (notes of one instant as written). */
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
        Map<String, List<NoteView>> notes = new LinkedHashMap<>();
        requests.forEach(r -> notes.put(r.id(), new ArrayList<>()));
        JdbcRows.list(jdbc, NOTE + " WHERE request_id IN ("
                        + String.join(", ", Collections.nCopies(requests.size(), "?")) + ") ORDER BY request_id, created_at, position",
                row -> notes.get(row.getString("request_id")).add(new NoteView(row.getString("id"),
                        row.getString("created_by"), row.getString("author_side"), JdbcRows.instant(row, "created_at"),
                        row.getString("text"))),
                notes.keySet().toArray());
        return requests.stream().map(r -> r.with(byRequest.get(r.id()), notes.get(r.id()))).toList();
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
                JdbcRows.instant(row, "created_at"), row.getString("created_by"), List.of(), List.of(), resolution(row),
                credited(row), JdbcRows.optionalInstant(row, "last_modified_at").orElse(JdbcRows.instant(row, "created_at")));
    }

    private static Optional<Resolution> resolution(ResultSet row) throws SQLException {
        String outcome = row.getString("resolution_outcome");
        if (outcome == null) {
            return Optional.empty();
        }
        String currency = row.getString("resolution_currency");
        Optional<Money> amount = currency == null ? Optional.empty()
                : JdbcRows.optionalMoney(row, "resolution_amount", Currency.getInstance(currency));
        return Optional.of(new Resolution(outcome, amount, Optional.ofNullable(row.getString("resolution_reason")),
                row.getString("resolved_by"), JdbcRows.instant(row, "resolved_at")));
    }

    private static Optional<Money> credited(ResultSet row) throws SQLException {
        String currency = row.getString("refund_credited_currency");
        return currency == null ? Optional.empty()
                : JdbcRows.optionalMoney(row, "refund_credited", Currency.getInstance(currency));
    }
}
