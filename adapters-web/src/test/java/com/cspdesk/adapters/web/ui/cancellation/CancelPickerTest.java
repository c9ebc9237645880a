package com.cspdesk.adapters.web.ui.cancellation;

import com.cspdesk.adapters.web.ui.shared.UiTexts;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The order picker leads with what was bought and when; the order id comes last (issue #17). */
class CancelPickerTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final UiTexts TEXTS = new UiTexts(new com.cspdesk.adapters.web.i18n.Messages());

    @Test
    void eachOrderIsNamedByItsProductsInLineOrder() {
        Map<String, String> products = CancelPagesController.products(List.of(order("a", "SQL Server 2022 Standard"),
                order("b", "Windows Server 2022 Standard", "SQL Server 2022 Standard")));

        assertThat(products).containsExactlyInAnyOrderEntriesOf(Map.of("a", "SQL Server 2022 Standard",
                "b", "Windows Server 2022 Standard, SQL Server 2022 Standard"));
    }

    @Test
    void theOptionReadsProductDateThenId() {
        for (String tag : List.of("en", "de", "hu", "pl", "sv", "tr")) {
            String option = TEXTS.get("cancel.orderOption", Locale.forLanguageTag(tag), "SQL Server", "4 Dec 2026", "0f3c-id");
            assertThat(option).as(tag).startsWith("SQL Server · ").contains("4 Dec 2026").endsWith(" · 0f3c-id");
        }
    }

    private static OrderView order(String id, String... names) {
        PriceQuote charged = PriceQuote.fromNetAndTax(Money.of("100.00", "EUR"), Money.of("19.00", "EUR"));
        List<OrderView.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            lines.add(new OrderView.Line(i, "P:0001:A", "P", "0001", names[i], 1, TermDuration.NONE, Money.of("100.00", "EUR"),
                    charged, false, LineStatus.ACTIVE, PreTaxPrices.of(Money.of("100.00", "EUR"), 1, charged, false),
                    Optional.empty()));
        }
        return new OrderView(id, "tenant", "one_time", EUR, Instant.parse("2026-12-04T10:00:00Z"), OrderStatus.COMPLETED,
                lines, PriceQuote.total(EUR, lines.stream().map(OrderView.Line::charged).toList()), "agent");
    }
}
