package com.cspdesk.contracts;

import com.cspdesk.application.support.SupportDesk;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.AttachmentView;
import com.cspdesk.application.support.port.in.ServiceRequestView.NoteView;
import com.cspdesk.application.support.port.in.ServiceRequestView.Resolution;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link ServiceRequests} must do: a request round-trips as filed, its attachments come
 * back byte for byte and only under their own request (and only to a stored request, with their
 * true size), pages are newest first with ties broken by id. Each test starts from an empty store.
 */
public abstract class ServiceRequestsContract extends PortContract {

    private static final Instant FILED = Instant.parse("2026-12-03T09:41:07.123456Z");

    /** Empties the store (the paging test counts every request). */
    protected abstract void startFromNothing();

    @BeforeEach
    void emptyStore() {
        startFromNothing();
    }

    @Test
    void aRequestRoundTripsWithItsAttachmentsAndTheirBytesComeBackIdentical() {
        ServiceRequestView request = request(UUID.randomUUID().toString(), FILED, Optional.of("9d8e7f60-order"),
                Optional.empty(), Money.of("4318.99", "EUR"));
        port(ServiceRequests.class).add(request);
        byte[] statement = new byte[(int) SupportDesk.MAX_ATTACHMENT_BYTES];
        new Random(42).nextBytes(statement);
        for (int b = 0; b < 256; b++) {
            statement[b] = (byte) b;
        }
        byte[] notes = "Zweimal gekauft – bitte erstatten.\n".getBytes(StandardCharsets.UTF_8);
        AttachmentView first = new AttachmentView(UUID.randomUUID().toString(), "Kontoauszug (Nov).pdf", "application/pdf",
                statement.length, FILED.plusSeconds(60));
        AttachmentView second = new AttachmentView(UUID.randomUUID().toString(), "../../etc/passwd.txt", "text/plain",
                notes.length, FILED.plusSeconds(120));

        port(ServiceRequests.class).addAttachment(request.id(), second, notes);
        port(ServiceRequests.class).addAttachment(request.id(), first, statement);

        ServiceRequestView read = port(ServiceRequests.class).find(request.id()).orElseThrow();
        assertThat(read).isEqualTo(new ServiceRequestView(request.id(), request.status(), request.category(), request.impact(),
                request.title(), request.description(), request.contact(), request.createdAt(), request.createdBy(),
                List.of(first, second)));
        assertThat(port(ServiceRequests.class).attachmentContent(request.id(), first.id())).hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(statement));
        assertThat(port(ServiceRequests.class).attachmentContent(request.id(), second.id())).hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(notes));
        // An attachment is found only under its own request.
        ServiceRequestView other = request(UUID.randomUUID().toString(), FILED, Optional.empty(), Optional.of("sub-1"),
                Money.of("1.00", "EUR"));
        port(ServiceRequests.class).add(other);
        assertThat(port(ServiceRequests.class).attachmentContent(other.id(), first.id())).isEmpty();
        assertThat(port(ServiceRequests.class).attachmentContent(request.id(), "no-such-attachment")).isEmpty();
        assertThat(port(ServiceRequests.class).find("no-such-request")).isEmpty();
    }

    @Test
    void optionalFieldsAndTheAmountsMinorUnitRoundTrip() {
        ServiceRequestView bySubscription = request(UUID.randomUUID().toString(), FILED, Optional.empty(),
                Optional.of("a1b2c3d4-subscription"), Money.of("315360.50", "HUF"));
        ServiceRequestView inYen = request(UUID.randomUUID().toString(), FILED, Optional.of("order-jp"), Optional.empty(),
                Money.of("12000", "JPY"));
        port(ServiceRequests.class).add(bySubscription);
        port(ServiceRequests.class).add(inYen);

        assertThat(port(ServiceRequests.class).find(bySubscription.id())).contains(bySubscription);
        assertThat(port(ServiceRequests.class).find(inYen.id())).contains(inYen);
        assertThat(port(ServiceRequests.class).find(inYen.id()).orElseThrow().description().amountRequested().amount())
                .hasToString("12000");
    }

    @Test
    void pagesNewestFirstAfterTheCursorTiesByIdAndCounts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "req-" + i;
            // Two requests share an instant: the id breaks the tie.
            Instant at = FILED.plusSeconds(i == 4 ? 3 : i);
            port(ServiceRequests.class).add(request(id, at, Optional.of("order-" + i), Optional.empty(),
                    Money.of("1.00", "EUR")));
            ids.add(id);
        }
        port(ServiceRequests.class).addAttachment("req-3", new AttachmentView("att-1", "a.txt", "text/plain", 1,
                FILED), new byte[]{'a'});

        List<ServiceRequestView> first = port(ServiceRequests.class).page(Optional.empty(), Optional.empty(), 2);
        ServiceRequestView last = first.get(1);
        List<ServiceRequestView> second =
                port(ServiceRequests.class).page(Optional.empty(), Optional.of(new ServiceRequests.Cursor(last.createdAt(), last.id())), 2);
        ServiceRequestView lastOfSecond = second.get(1);
        List<ServiceRequestView> third = port(ServiceRequests.class).page(Optional.empty(),
                Optional.of(new ServiceRequests.Cursor(lastOfSecond.createdAt(), lastOfSecond.id())), 2);

        assertThat(first).extracting(ServiceRequestView::id).containsExactly("req-4", "req-3");
        assertThat(second).extracting(ServiceRequestView::id).containsExactly("req-2", "req-1");
        assertThat(third).extracting(ServiceRequestView::id).containsExactly("req-0");
        assertThat(first.get(1).attachments()).extracting(AttachmentView::fileName).containsExactly("a.txt");
        assertThat(first.get(0).attachments()).isEmpty();
        assertThat(port(ServiceRequests.class).count(Optional.empty())).isEqualTo(5);
        assertThat(port(ServiceRequests.class).page(Optional.empty(), Optional.empty(), 0)).isEmpty();
    }

    @Test
    void attachmentsComeWithTheirBytesOnlyAndOnlyToAStoredRequest() {
        ServiceRequestView request = request(UUID.randomUUID().toString(), FILED, Optional.of("o"), Optional.empty(),
                Money.of("1.00", "EUR"));
        AttachmentView attachment = new AttachmentView(UUID.randomUUID().toString(), "a.txt", "text/plain", 3, FILED);

        Throwable withAttachments = catchThrowable(() -> port(ServiceRequests.class).add(new ServiceRequestView(request.id(), "open",
                request.category(), request.impact(), request.title(), request.description(), request.contact(),
                request.createdAt(), request.createdBy(), List.of(attachment))));
        Throwable noRequest = catchThrowable(() -> port(ServiceRequests.class).addAttachment("no-such-request",
                attachment, new byte[]{1, 2, 3}));
        port(ServiceRequests.class).add(request);
        Throwable wrongSize = catchThrowable(() -> port(ServiceRequests.class).addAttachment(request.id(), attachment,
                new byte[]{1, 2}));

        assertThat(withAttachments).isInstanceOf(IllegalArgumentException.class);
        assertThat(noRequest).isNotNull();
        assertThat(wrongSize).isInstanceOf(IllegalArgumentException.class);
        assertThat(port(ServiceRequests.class).find(request.id()).orElseThrow().attachments()).isEmpty();
    }

    // Support requests that end (#16 item 4): status moves, notes, a resolution credited once, the queue by status.

    @Test
    void aStatusMovesOnlyFromWhereTheRequestStandsAndNotesComeBackOldestFirst() {
        ServiceRequestView request = request("req-moving", FILED, Optional.of("o"), Optional.empty(), Money.of("1.00", "EUR"));
        port(ServiceRequests.class).add(request);
        Instant taken = FILED.plusSeconds(600);

        assertThat(port(ServiceRequests.class).changeStatus(request.id(), "in_progress", "resolved", taken)).isFalse();
        assertThat(port(ServiceRequests.class).changeStatus(request.id(), "open", "in_progress", taken)).isTrue();
        assertThat(port(ServiceRequests.class).changeStatus(request.id(), "open", "closed", taken)).isFalse();
        assertThat(port(ServiceRequests.class).changeStatus("no-such-request", "open", "closed", taken)).isFalse();
        NoteView second = new NoteView("note-b", "support.staff@partner.demo", "support", FILED.plusSeconds(900),
                "Wir prüfen die Bestellung – bitte Rechnung anhängen.");
        NoteView first = new NoteView("note-a", "admin.agent@partner.demo", "partner", FILED.plusSeconds(700),
                "Duplicate order, see attachment.");
        port(ServiceRequests.class).addNote(request.id(), second);
        port(ServiceRequests.class).addNote(request.id(), first);

        // Two notes of one instant come back in the order they were written, whatever their ids.
        NoteView sameInstantA = new NoteView("note-z", "support.staff@partner.demo", "support", FILED.plusSeconds(950), "A");
        NoteView sameInstantB = new NoteView("note-0", "admin.agent@partner.demo", "partner", FILED.plusSeconds(950), "B");
        port(ServiceRequests.class).addNote(request.id(), sameInstantA);
        port(ServiceRequests.class).addNote(request.id(), sameInstantB);

        ServiceRequestView read = port(ServiceRequests.class).find(request.id()).orElseThrow();
        assertThat(read.status()).isEqualTo("in_progress");
        assertThat(read.notes()).containsExactly(first, second, sameInstantA, sameInstantB);
        assertThat(read.lastModifiedAt()).isEqualTo(sameInstantB.createdAt());
        assertThat(read.resolution()).isEmpty();
        assertThat(read.refundCredited()).isEmpty();
        assertThat(catchThrowable(() -> port(ServiceRequests.class).addNote("no-such-request", new NoteView("note-c", "x",
                "partner", FILED, "text")))).isNotNull();
    }

    @Test
    void aResolutionIsStoredAndARefundIsCreditedOnceHoweverOftenTheRequestIsResolved() {
        ServiceRequestView request = request("req-refund", FILED, Optional.of("o"), Optional.empty(), Money.of("250.00", "EUR"));
        port(ServiceRequests.class).add(request);
        Instant at = FILED.plusSeconds(3600);
        Resolution approved = new Resolution(Resolution.APPROVED, Optional.of(Money.of("199.99", "EUR")),
                Optional.of("Duplicate purchase confirmed."), "support.staff@partner.demo", at);

        assertThat(port(ServiceRequests.class).resolve(request.id(), "in_progress", approved,
                approved.approvedAmount())).as("not where the request stands").isFalse();
        assertThat(port(ServiceRequests.class).resolve(request.id(), "open", approved, approved.approvedAmount())).isTrue();
        ServiceRequestView resolved = port(ServiceRequests.class).find(request.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.resolution()).contains(approved);
        assertThat(resolved.refundCredited()).contains(Money.of("199.99", "EUR"));
        assertThat(resolved.lastModifiedAt()).isEqualTo(at);

        // Reopened and approved again: the store refuses a second credit and changes nothing.
        assertThat(port(ServiceRequests.class).changeStatus(request.id(), "resolved", "open", at.plusSeconds(60))).isTrue();
        Resolution again = new Resolution(Resolution.APPROVED, Optional.of(Money.of("50.01", "EUR")), Optional.empty(),
                "support.staff@partner.demo", at.plusSeconds(120));
        assertThat(port(ServiceRequests.class).resolve(request.id(), "open", again, again.approvedAmount())).isFalse();
        assertThat(port(ServiceRequests.class).find(request.id()).orElseThrow().status()).isEqualTo("open");
        // A decline afterwards is stored (no credit), and the first credit stays.
        Resolution declined = new Resolution(Resolution.DECLINED, Optional.empty(), Optional.of("Nichts mehr zu erstatten."),
                "support.staff@partner.demo", at.plusSeconds(180));
        assertThat(port(ServiceRequests.class).resolve(request.id(), "open", declined, Optional.empty())).isTrue();
        ServiceRequestView read = port(ServiceRequests.class).find(request.id()).orElseThrow();
        assertThat(read.resolution()).contains(declined);
        assertThat(read.refundCredited()).contains(Money.of("199.99", "EUR"));
    }

    @Test
    void theQueueListsAndCountsTheRequestsInOneStatus() {
        for (int i = 0; i < 4; i++) {
            port(ServiceRequests.class).add(request("req-q" + i, FILED.plusSeconds(i), Optional.of("o"), Optional.empty(),
                    Money.of("1.00", "EUR")));
        }
        port(ServiceRequests.class).changeStatus("req-q1", "open", "in_progress", FILED.plusSeconds(10));
        port(ServiceRequests.class).changeStatus("req-q3", "open", "in_progress", FILED.plusSeconds(10));

        List<ServiceRequestView> first = port(ServiceRequests.class).page(Optional.of("in_progress"), Optional.empty(), 1);
        List<ServiceRequestView> next = port(ServiceRequests.class).page(Optional.of("in_progress"),
                Optional.of(new ServiceRequests.Cursor(first.get(0).createdAt(), first.get(0).id())), 5);

        assertThat(first).extracting(ServiceRequestView::id).containsExactly("req-q3");
        assertThat(next).extracting(ServiceRequestView::id).containsExactly("req-q1");
        assertThat(port(ServiceRequests.class).page(Optional.of("open"), Optional.empty(), 10))
                .extracting(ServiceRequestView::id).containsExactly("req-q2", "req-q0");
        assertThat(port(ServiceRequests.class).count(Optional.of("in_progress"))).isEqualTo(2);
        assertThat(port(ServiceRequests.class).count(Optional.of("closed"))).isZero();
        assertThat(port(ServiceRequests.class).count(Optional.empty())).isEqualTo(4);
    }

    private static ServiceRequestView request(String id, Instant createdAt, Optional<String> orderId,
                                              Optional<String> subscriptionId, Money amount) {
        return new ServiceRequestView(id, "open", SupportDesk.CATEGORY, "moderate", "Refund of a duplicate purchase",
                new ServiceRequestView.Description("5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40", orderId, subscriptionId,
                        "The order was placed twice by mistake; please refund the second one.", amount),
                new ServiceRequestView.Contact("Anna Kovács", "anna.kovacs@partner.example", "+36 1 234 5678"),
                createdAt, "admin.agent@partner.demo", List.of());
    }
}
