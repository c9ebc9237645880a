package com.cspdesk.domain.catalog;

import com.cspdesk.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** What an Azure VM reservation quote shows about the Azure Hybrid Benefit: the saving, or why there is none. */
public sealed interface HybridBenefitQuote {

    Money windowsRate();

    boolean eligible();

    /** Eligible: the base rate beside the Windows rate, the saving and the saving as a percentage of the Windows rate. */
    record WithBenefit(Money windowsRate, Money baseComputeRate, Money saving, BigDecimal savingPercentage)
            implements HybridBenefitQuote {

        public WithBenefit {
            Objects.requireNonNull(windowsRate, "windowsRate");
            Objects.requireNonNull(baseComputeRate, "baseComputeRate");
            Objects.requireNonNull(saving, "saving");
            Objects.requireNonNull(savingPercentage, "savingPercentage");
        }

        @Override
        public boolean eligible() {
            return true;
        }
    }

    /** Not eligible: the Windows rate applies; {@code reason} says why. */
    record WithoutBenefit(Money windowsRate, Reason reason) implements HybridBenefitQuote {

        public WithoutBenefit {
            Objects.requireNonNull(windowsRate, "windowsRate");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean eligible() {
            return false;
        }
    }

    /** Why the benefit does not apply, with a stable code. */
    enum Reason {
        /** The product is not an Azure VM reservation (SQL reservations, software). */
        NOT_A_VM_RESERVATION("not_a_vm_reservation"),
        /** No Windows Server Datacenter or Standard licence with Software Assurance, nor an active subscription. */
        NO_QUALIFYING_LICENCE("no_qualifying_licence");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
