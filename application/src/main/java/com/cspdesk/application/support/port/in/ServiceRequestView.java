package com.cspdesk.application.support.port.in;

import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.support.AttachmentNames;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spec "Submit a customer support request to cancel a purchase": the request as filed, with its
 * attachments' names and sizes (never their content).
 */
public record ServiceRequestView(String id, String status, String category, String impact, String title,
                                 Description description, Contact contact, Instant createdAt, String createdBy,
                                 List<AttachmentView> attachments) {

    public ServiceRequestView {
        attachments = List.copyOf(attachments);
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
}
