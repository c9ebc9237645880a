package com.cspdesk.domain.catalog;

import com.cspdesk.domain.money.Money;
import java.util.Objects;

/**
 * The two compute rates of one Azure VM reservation: with Windows Server included, and the base
 * (Linux) rate paid under the Azure Hybrid Benefit. Both come from the price list, in one currency.
 */
public record VmReservationRates(Money windowsRate, Money baseComputeRate) {

    public VmReservationRates {
        Objects.requireNonNull(windowsRate, "windowsRate");
        Objects.requireNonNull(baseComputeRate, "baseComputeRate");
        windowsRate.requireSameCurrency(baseComputeRate);
        if (baseComputeRate.isNegative() || baseComputeRate.isGreaterThan(windowsRate)) {
            throw new IllegalArgumentException(
                    "the base compute rate lies between 0 and the Windows rate: " + baseComputeRate + " vs " + windowsRate);
        }
    }
}
