package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.invoicing.MonthlyInvoicing;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly invoice run "after each month ends": checked every hour, so a month is invoiced
 * within the hour after it ends (on the sandbox clock too) and a missed run is caught up. The run
 * takes a database lock, so with several instances only one does the work.
 */
@Singleton
@Requires(property = "cspdesk.invoicing.schedule.enabled", notEquals = "false")
class InvoicingSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(InvoicingSchedule.class);

    private final MonthlyInvoicing invoicing;

    InvoicingSchedule(MonthlyInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    void invoiceTheMonthThatEnded() {
        invoicing.invoiceLastMonth().ifPresent(run ->
                LOG.info("Invoice run {} for {}: {} ({} invoices)", run.id(), run.billingMonth(), run.status(), run.invoicesCreated()));
    }
}
