package com.cspdesk.domain.catalog;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of product this desk sells (spec introduction and "Cancel a purchase"), each with its contract type and allowed terms. */
public enum ProductKind {
    AZURE_RESERVATION_VM(ContractType.RESERVATION, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y)),
    AZURE_RESERVATION_SQL(ContractType.RESERVATION, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y)),
    WINDOWS_SERVER_SUBSCRIPTION(ContractType.SUBSCRIPTION, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y)),
    SQL_SERVER_SUBSCRIPTION(ContractType.SUBSCRIPTION, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y)),
    PERPETUAL_SOFTWARE(ContractType.PERPETUAL, EnumSet.of(TermDuration.NONE)),
    SUSE_LINUX_SOFTWARE_PLAN(ContractType.SOFTWARE_PLAN, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y)),
    RED_HAT_SOFTWARE_PLAN(ContractType.SOFTWARE_PLAN, EnumSet.of(TermDuration.P1Y, TermDuration.P3Y));

    private final ContractType contractType;
    private final Set<TermDuration> terms;

    ProductKind(ContractType contractType, Set<TermDuration> terms) {
        this.contractType = contractType;
        this.terms = terms;
    }

    public ContractType contractType() {
        return contractType;
    }

    /** Terms this kind is sold with ({@link TermDuration#NONE} only for perpetual software). */
    public Set<TermDuration> terms() {
        return EnumSet.copyOf(terms);
    }

    public boolean isSoldWith(TermDuration term) {
        return terms.contains(term);
    }

    public boolean isAzureReservation() {
        return contractType == ContractType.RESERVATION;
    }

    public boolean isLinuxSoftwarePlan() {
        return contractType == ContractType.SOFTWARE_PLAN;
    }
}
