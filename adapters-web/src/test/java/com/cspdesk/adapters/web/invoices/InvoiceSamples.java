package com.cspdesk.adapters.web.invoices;

import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.domain.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** An EUR invoice for November 2026 with two German customers' charges and one credit. */
final class InvoiceSamples {

    static final String KOVACS = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";
    static final String CONTOSO = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";
    static final String ORDER_1 = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    static final String ORDER_2 = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private InvoiceSamples() {
    }

    static InvoiceViews.InvoiceView invoice() {
        return new InvoiceViews.InvoiceView("INV-2026-11-EUR", YearMonth.of(2026, 11), Currency.getInstance("EUR"),
                Instant.parse("2026-12-01T00:05:00Z"), 3,
                amounts("2100.00", "399.00", "2499.00"), amounts("-1000.00", "-190.00", "-1190.00"),
                amounts("1100.00", "209.00", "1309.00"));
    }

    static List<InvoiceViews.InvoiceLineView> lines() {
        return List.of(
                new InvoiceViews.InvoiceLineView("charge", CONTOSO, "Contoso GmbH", ORDER_1, 0,
                        "Windows Server 2022 Standard", Instant.parse("2026-11-03T10:00:00Z"),
                        amounts("1000.00", "190.00", "1190.00")),
                new InvoiceViews.InvoiceLineView("charge", KOVACS, "=Kovács & Söhne Kft.", ORDER_2, 1,
                        "SQL Server 2022 Standard", Instant.parse("2026-11-20T08:30:00Z"),
                        amounts("1100.00", "209.00", "1309.00")),
                new InvoiceViews.InvoiceLineView("credit", CONTOSO, "Contoso GmbH", ORDER_1, 0,
                        "Windows Server 2022 Standard", Instant.parse("2026-11-25T12:00:00Z"),
                        amounts("-1000.00", "-190.00", "-1190.00")));
    }

    static InvoiceViews.Amounts amounts(String net, String tax, String gross) {
        return new InvoiceViews.Amounts(Money.of(net, "EUR"), Money.of(tax, "EUR"), Money.of(gross, "EUR"));
    }
}
