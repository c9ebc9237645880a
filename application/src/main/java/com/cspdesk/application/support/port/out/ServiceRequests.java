package com.cspdesk.application.support.port.out;

import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.domain.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored support requests, their attachments and notes. */
public interface ServiceRequests {

    void add(ServiceRequestView request);

    Optional<ServiceRequestView> find(String requestId);

    /** Newest first; after {@code after} (exclusive); only those in {@code status} when one is given. */
    List<ServiceRequestView> page(Optional<String> status, Optional<Cursor> after, int limit);

    /** How many there are (in {@code status} when one is given). */
    long count(Optional<String> status);

    void addAttachment(String requestId, ServiceRequestView.AttachmentView attachment, byte[] content);

    Optional<byte[]> attachmentContent(String requestId, String attachmentId);

    /**
     * Moves the request from {@code from} to {@code to}, last changed {@code at}; false (nothing changed)
     * when it is not in {@code from} any more — someone moved it meanwhile.
     */
    boolean changeStatus(String requestId, String from, String to, Instant at);

    /**
     * Resolves the request (status {@code resolved}) with this resolution, last changed when it was resolved,
     * and records {@code credited} as the refund credited for it. False (nothing changed) when it is not in
     * {@code from} any more, or when a credit is given and one was recorded before: a request is credited once.
     */
    boolean resolve(String requestId, String from, ServiceRequestView.Resolution resolution, Optional<Money> credited);

    /** Adds a note to a stored request (last changed when the note was written). */
    void addNote(String requestId, ServiceRequestView.NoteView note);

    record Cursor(Instant createdAt, String id) {
    }
}
