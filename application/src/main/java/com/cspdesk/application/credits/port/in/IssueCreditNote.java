package com.cspdesk.application.credits.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A manual credit note (issue #16 item 5): a global or account admin credits a customer's order — goodwill,
 * or a refund agreed outside a service request — with a written reason. It lands on the next monthly
 * invoice, never exceeds what the order can still be credited, and is in the activity log
 * ({@code issue_credit}) and the {@code credit-issued} webhook event. The rule is {@code ManualCreditPolicy}.
 */
public interface IssueCreditNote {

    IssueResult issue(NewCreditNote command, Actor actor);

    /**
     * {@code reason}: {@code goodwill} or {@code refund}; {@code amount} and {@code currency}: as typed, gross, in the
     * order's currency. A customer not named (null) is not found.
     */
    record NewCreditNote(CustomerRef customer, String orderId, String reason, String amount, String currency,
                         String explanation) {
    }

    /** One credit note: its lines' shares and their total, dated when issued. */
    record CreditNoteView(String id, String customerTenantId, String orderId, String reason, String explanation,
                          PriceQuote total, List<LineCredit> lines, Instant issuedAt, String issuedBy) {
        public CreditNoteView {
            lines = List.copyOf(lines);
        }
    }

    record LineCredit(int lineItemNumber, PriceQuote credit) {
    }

    sealed interface IssueResult {
    }

    record Issued(CreditNoteView note) implements IssueResult {
    }

    /** The table does not let the actor do this; nothing was looked at or stored. */
    record NotPermitted(Permission permission) implements IssueResult {
    }

    record CustomerNotFound() implements IssueResult {
    }

    record OrderNotFound() implements IssueResult {
    }

    /**
     * {@code code}: a {@code ManualCreditRefusal} code ({@code credit_exceeds_creditable}, …),
     * {@code credit_reason_unknown} or {@code credit_amount_invalid}; {@code creditable} is what the order could
     * still be credited (empty when the order was not read).
     */
    record Refused(String code, Optional<Money> creditable) implements IssueResult {
    }

    /** A source (a service request) credited the order already: an approved refund credits once. */
    record AlreadyCredited() implements IssueResult {
    }
}
