package com.cspdesk.application.support.port.in;

import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.support.AttachmentNames;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spec "Submit a customer support request to cancel a purchase": the request as filed, with its
 * attachments' names and sizes (never their content); and how it went on (#16 item 4): its status,
 * the notes of both sides (oldest first), its resolution, the refund credited for it (once at most)
 * and when it last changed.
 */
public record ServiceRequestView(String id, String status, String category, String impact, String title,
                                 Description description, Contact contact, Instant createdAt, String createdBy,
                                 List<AttachmentView> attachments, List<NoteView> notes, Optional<Resolution> resolution,
                                 Optional<Money> refundCredited, Instant lastModifiedAt) {

    public ServiceRequestView {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    /** A request as filed: no notes, no resolution, nothing credited, last changed when it was filed. */
    public ServiceRequestView(String id, String status, String category, String impact, String title,
                              Description description, Contact contact, Instant createdAt, String createdBy,
                              List<AttachmentView> attachments) {
        this(id, status, category, impact, title, description, contact, createdAt, createdBy, attachments, List.of(),
                Optional.empty(), Optional.empty(), createdAt);
    }

    /** The same request with these attachments and notes (adapters read them apart from the request). */
    public ServiceRequestView with(List<AttachmentView> attachments, List<NoteView> notes) {
        return new ServiceRequestView(id, status, category, impact, title, description, contact, createdAt, createdBy,
                attachments, notes, resolution, refundCredited, lastModifiedAt);
    }

    public record Description(String customerTenantIdOrDomain, Optional<String> orderId, Optional<String> subscriptionId,
                              String refundReason, Money amountRequested) {
    }

    public record Contact(String name, String email, String phone) {
    }

    /** The name never carries bidi or control characters, however it was stored before they were removed on upload. */
    public record AttachmentView(String id, String fileName, String contentType, long sizeBytes, Instant addedAt) {
        public AttachmentView {
            fileName = AttachmentNames.clean(fileName);
        }
    }

    /**
     * A note (Partner Center's {@code ServiceRequestNote}: createdByName, createdDate, text) and which side
     * wrote it: {@code partner} or {@code support}.
     */
    public record NoteView(String id, String createdBy, String authorSide, Instant createdAt, String text) {
    }

    /**
     * How support answered the request: {@code approved} with the amount to credit, or {@code declined}
     * with the reason the partner reads ({@code reason} may accompany an approval too); who and when.
     */
    public record Resolution(String outcome, Optional<Money> approvedAmount, Optional<String> reason, String resolvedBy,
                             Instant resolvedAt) {

        public static final String APPROVED = "approved";
        public static final String DECLINED = "declined";
    }
}
