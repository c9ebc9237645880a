package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.time.YearMonth;

/**
 * The monthly invoice run, started by an admin (it is also scheduled after each month ends). It
 * runs in the background under a database lock, so several instances never run it twice, and
 * re-running a month changes nothing.
 */
public interface StartInvoiceRun {

    StartResult start(YearMonth billingMonth, Actor actor);

    sealed interface StartResult {
    }

    record Started(InvoiceViews.InvoiceRunView run) implements StartResult {
    }

    /** Too many runs wait already; nothing was started or stored. Try again later. */
    record Busy() implements StartResult {
    }

    /** Only a month that has ended can be invoiced. */
    record MonthNotEnded(YearMonth billingMonth) implements StartResult {
    }

    /** The table does not let the actor start runs; nothing was started or stored. */
    record NotPermitted(Permission permission) implements StartResult {
    }
}
