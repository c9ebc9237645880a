package com.cspdesk.adapters.memory.support;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.AttachmentView;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.money.Money;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Support requests, their notes and their attachments' bytes in memory (copies in and out: nobody shares
 * the array). A status change or a resolution replaces the stored request in the unit of work, so it is
 * undone with it.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryServiceRequests implements ServiceRequests {

    /** Newest first, ties by id, as the JDBC adapter's index orders them. */
    private static final Comparator<ServiceRequestView> NEWEST_FIRST =
            Comparator.comparing(ServiceRequestView::createdAt).thenComparing(ServiceRequestView::id).reversed();
    private static final Comparator<Attachment> OLDEST_FIRST =
            Comparator.comparing((Attachment a) -> a.view().addedAt()).thenComparing(a -> a.view().id());

    private final MemoryTransactions transactions;
    /** Requests as filed (without attachments) and their attachments; guarded by the units of work. */
    private final Map<String, ServiceRequestView> requests = new HashMap<>();
    private final Map<String, List<Attachment>> attachments = new HashMap<>();
    private final Map<String, List<ServiceRequestView.NoteView>> notes = new HashMap<>();

    MemoryServiceRequests(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(ServiceRequestView request) {
        if (!request.attachments().isEmpty()) {
            throw new IllegalArgumentException("attachments are added with their content, through addAttachment");
        }
        if (!request.notes().isEmpty()) {
            throw new IllegalArgumentException("notes are added one by one, through addNote");
        }
        transactions.change(() -> {
            if (requests.putIfAbsent(request.id(), request) != null) {
                throw new IllegalStateException("a service request " + request.id() + " exists already");
            }
            return null;
        }, () -> requests.remove(request.id()));
    }

    @Override
    public Optional<ServiceRequestView> find(String requestId) {
        return transactions.read(() -> Optional.ofNullable(requests.get(requestId)).map(this::withAttachments));
    }

    @Override
    public List<ServiceRequestView> page(Optional<String> status, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> requests.values().stream()
                .filter(r -> status.map(r.status()::equals).orElse(true))
                .filter(r -> after.map(c -> r.createdAt().isBefore(c.createdAt())
                        || (r.createdAt().equals(c.createdAt()) && r.id().compareTo(c.id()) < 0)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .map(this::withAttachments)
                .toList());
    }

    @Override
    public long count(Optional<String> status) {
        return transactions.read(() -> requests.values().stream().filter(r -> status.map(r.status()::equals).orElse(true))
                .count());
    }

    /** The request must exist; the size stored is the content's. */
    @Override
    public void addAttachment(String requestId, AttachmentView attachment, byte[] content) {
        if (content.length != attachment.sizeBytes()) {
            throw new IllegalArgumentException("attachment size " + attachment.sizeBytes() + " is not the content's "
                    + content.length);
        }
        Attachment kept = new Attachment(attachment, content.clone());
        transactions.inTransaction(() -> {
            if (!requests.containsKey(requestId)) {
                throw new IllegalStateException("no service request " + requestId + " to attach to");
            }
            List<Attachment> of = attachments.computeIfAbsent(requestId, id -> new ArrayList<>());
            if (of.stream().anyMatch(a -> a.view().id().equals(attachment.id()))) {
                throw new IllegalStateException("an attachment " + attachment.id() + " exists already");
            }
            return transactions.change(() -> of.add(kept), () -> of.remove(kept));
        });
    }

    @Override
    public Optional<byte[]> attachmentContent(String requestId, String attachmentId) {
        return transactions.read(() -> attachments.getOrDefault(requestId, List.of()).stream()
                .filter(a -> a.view().id().equals(attachmentId)).findFirst().map(a -> a.content().clone()));
    }

    @Override
    public boolean changeStatus(String requestId, String from, String to, Instant at) {
        return replace(requestId, from, r -> new ServiceRequestView(r.id(), to, r.category(), r.impact(), r.title(),
                r.description(), r.contact(), r.createdAt(), r.createdBy(), List.of(), List.of(), r.resolution(),
                r.refundCredited(), at));
    }

    @Override
    public boolean resolve(String requestId, String from, ServiceRequestView.Resolution resolution, Optional<Money> credited) {
        return transactions.inTransaction(() -> {
            ServiceRequestView stored = requests.get(requestId);
            if (stored == null || (credited.isPresent() && stored.refundCredited().isPresent())) {
                return false;
            }
            return replace(requestId, from, r -> new ServiceRequestView(r.id(), "resolved", r.category(), r.impact(),
                    r.title(), r.description(), r.contact(), r.createdAt(), r.createdBy(), List.of(), List.of(),
                    Optional.of(resolution), credited.or(r::refundCredited), resolution.resolvedAt()));
        });
    }

    /** The note goes to a stored request, which last changed when its newest note was written; notes come back oldest first. */
    @Override
    public void addNote(String requestId, ServiceRequestView.NoteView note) {
        transactions.inTransaction(() -> {
            ServiceRequestView stored = requests.get(requestId);
            if (stored == null) {
                throw new IllegalStateException("no service request " + requestId + " to write on");
            }
            List<ServiceRequestView.NoteView> of = notes.computeIfAbsent(requestId, id -> new ArrayList<>());
            transactions.change(() -> of.add(note), () -> of.remove(note));
            return replace(requestId, stored.status(), r -> new ServiceRequestView(r.id(), r.status(), r.category(),
                    r.impact(), r.title(), r.description(), r.contact(), r.createdAt(), r.createdBy(), List.of(), List.of(),
                    r.resolution(), r.refundCredited(),
                    note.createdAt().isAfter(r.lastModifiedAt()) ? note.createdAt() : r.lastModifiedAt()));
        });
    }

    /** Replaces the stored request when it is in {@code from}, in the unit of work. */
    private boolean replace(String requestId, String from, UnaryOperator<ServiceRequestView> change) {
        return transactions.inTransaction(() -> {
            ServiceRequestView stored = requests.get(requestId);
            if (stored == null || !stored.status().equals(from)) {
                return false;
            }
            ServiceRequestView changed = change.apply(stored);
            return transactions.change(() -> {
                requests.put(requestId, changed);
                return true;
            }, () -> requests.put(requestId, stored));
        });
    }

    private ServiceRequestView withAttachments(ServiceRequestView r) {
        List<AttachmentView> of = attachments.getOrDefault(r.id(), List.of()).stream().sorted(OLDEST_FIRST)
                .map(Attachment::view).toList();
        // A stable sort: notes of one instant stay in the order they were written.
        List<ServiceRequestView.NoteView> written = notes.getOrDefault(r.id(), List.of()).stream()
                .sorted(Comparator.comparing(ServiceRequestView.NoteView::createdAt)).toList();
        return r.with(of, written);
    }

    private record Attachment(AttachmentView view, byte[] content) {
    }
}
