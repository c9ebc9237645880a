package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reconciliation line items (issue #16 item 7): every invoiced charge and credit that occurred from
 * {@code from} up to the end of {@code to} (UTC days, at most {@link #MAX_DAYS} of them), with its invoice,
 * in invoice order — what a billing team matches against its ledger. Needs {@code RECONCILE_BILLING}.
 * A range the other way round or longer than that is {@code reconciliation_range_invalid}.
 */
public interface ReadReconciliation {

    Lookup<Page<InvoiceViews.BillingItem>> lines(Period period, PageRequest page, Actor actor);

    /** The days asked for, {@code from} to {@code to} inclusive; {@link #of} says whether a range is one. */
    record Period(LocalDate from, LocalDate to) {

        /** A year and a day: a leap year's whole year, plus the day a range usually ends on. */
        public static final int MAX_DAYS = 367;

        public Period {
            if (!valid(from, to)) {
                throw new IllegalArgumentException("not a reconciliation period: " + from + " – " + to);
            }
        }

        /** Empty when {@code to} is before {@code from} or the range is longer than {@link #MAX_DAYS} days. */
        public static Optional<Period> of(LocalDate from, LocalDate to) {
            return valid(from, to) ? Optional.of(new Period(from, to)) : Optional.empty();
        }

        private static boolean valid(LocalDate from, LocalDate to) {
            return from != null && to != null && !to.isBefore(from) && ChronoUnit.DAYS.between(from, to) < MAX_DAYS;
        }

        /** The first instant of {@code from}, UTC. */
        public Instant start() {
            return from.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        /** The first instant after {@code to}, UTC. */
        public Instant end() {
            return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }
}
