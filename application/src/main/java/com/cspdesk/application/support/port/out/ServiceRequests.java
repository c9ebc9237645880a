package com.cspdesk.application.support.port.out;

import com.cspdesk.application.support.port.in.ServiceRequestView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored support requests and their attachments. */
public interface ServiceRequests {

    void add(ServiceRequestView request);

    Optional<ServiceRequestView> find(String requestId);

    /** Newest first; after {@code after} (exclusive). */
    List<ServiceRequestView> page(Optional<Cursor> after, int limit);

    long count();

    void addAttachment(String requestId, ServiceRequestView.AttachmentView attachment, byte[] content);

    Optional<byte[]> attachmentContent(String requestId, String attachmentId);

    record Cursor(Instant createdAt, String id) {
    }
}
