package com.cspdesk.adapters.web.credits;

import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.application.credits.port.in.IssueCreditNote.CreditNoteView;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The JSON of manual credit notes: the request an admin sends and the note it gets back. */
final class CreditNoteMessages {

    private CreditNoteMessages() {
    }

    /** {@code amount}: gross, in the order's currency ({@code {"amount": "50.00", "currency": "EUR"}}). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreditNoteRequest(@Nullable @Valid AmountBody amount, @Nullable @Size(max = 32) String reason,
                             @Nullable @Size(max = 1000) String explanation) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AmountBody(@Nullable @Size(max = 40) String amount, @Nullable @Size(max = 8) String currency) {
    }

    @Serdeable
    record CreditNoteResponse(String id, String customerId, String orderId, String reason, String explanation,
                              MoneyJson net, MoneyJson tax, MoneyJson gross, List<LineCreditResponse> lineItems,
                              Instant issuedAt, String issuedBy) {
    }

    @Serdeable
    record LineCreditResponse(int lineItemNumber, MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    static CreditNoteResponse response(CreditNoteView note) {
        return new CreditNoteResponse(note.id(), note.customerTenantId(), note.orderId(), note.reason(), note.explanation(),
                MoneyJson.of(note.total().net()), MoneyJson.of(note.total().tax()), MoneyJson.of(note.total().gross()),
                note.lines().stream().map(line -> new LineCreditResponse(line.lineItemNumber(), MoneyJson.of(line.credit().net()),
                        MoneyJson.of(line.credit().tax()), MoneyJson.of(line.credit().gross()))).toList(),
                note.issuedAt(), note.issuedBy());
    }
}
