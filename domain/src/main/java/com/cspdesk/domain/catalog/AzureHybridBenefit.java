package com.cspdesk.domain.catalog;

import com.cspdesk.domain.money.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * Spec introduction "Azure Hybrid Benefit": Windows Server Datacenter or Standard licences with Software Assurance let a VM reservation pay the base (Linux) compute rate.
 *
 * <p>The saving is always computed from the two rates of the price list, never a fixed figure
 * (the spec's "up to 40 percent" is marketing, not a rate). The percentage is
 * {@code saving / windowsRate × 100} with two decimals, rounded with {@link Money#ROUNDING}.
 */
public final class AzureHybridBenefit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether the customer's licences qualify: at least one Datacenter or Standard licence covered by Software Assurance. */
    public boolean isEligible(Collection<WindowsServerLicence> licences) {
        return licences.stream().anyMatch(WindowsServerLicence::qualifiesForHybridBenefit);
    }

    /** The benefit for one product: the saving for a VM reservation when the licences qualify, otherwise the reason there is none. */
    public HybridBenefitQuote quote(ProductKind kind, Collection<WindowsServerLicence> licences, VmReservationRates rates) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(licences, "licences");
        Objects.requireNonNull(rates, "rates");
        if (kind != ProductKind.AZURE_RESERVATION_VM) {
            return new HybridBenefitQuote.WithoutBenefit(rates.windowsRate(), HybridBenefitQuote.Reason.NOT_A_VM_RESERVATION);
        }
        if (!isEligible(licences)) {
            return new HybridBenefitQuote.WithoutBenefit(rates.windowsRate(), HybridBenefitQuote.Reason.NO_QUALIFYING_LICENCE);
        }
        return withQualifyingLicences(kind, rates);
    }

    /**
     * What the benefit does for one product for a customer whose licences qualify (issue #16: the catalog and the
     * review show it before anyone's licences are known): the saving for a VM reservation, otherwise
     * {@link HybridBenefitQuote.Reason#NOT_A_VM_RESERVATION}.
     */
    public HybridBenefitQuote withQualifyingLicences(ProductKind kind, VmReservationRates rates) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rates, "rates");
        if (kind != ProductKind.AZURE_RESERVATION_VM) {
            return new HybridBenefitQuote.WithoutBenefit(rates.windowsRate(), HybridBenefitQuote.Reason.NOT_A_VM_RESERVATION);
        }
        Money saving = rates.windowsRate().minus(rates.baseComputeRate());
        return new HybridBenefitQuote.WithBenefit(rates.windowsRate(), rates.baseComputeRate(), saving,
                percentage(saving, rates.windowsRate()));
    }

    private static BigDecimal percentage(Money part, Money whole) {
        if (whole.isZero()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return part.amount().multiply(HUNDRED).divide(whole.amount(), 2, Money.ROUNDING);
    }
}
