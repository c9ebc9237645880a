package com.cspdesk.adapters.web.catalog;

import com.cspdesk.domain.money.Money;
import io.micronaut.serde.annotation.Serdeable;

/**
 * api.md: money is {@code {"amount": "123.45", "currency": "EUR"}}, the amount a decimal string
 * with exactly the currency's minor-unit digits (never a JSON number, never a float).
 */
@Serdeable
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }
}
