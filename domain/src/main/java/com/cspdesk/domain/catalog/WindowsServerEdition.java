package com.cspdesk.domain.catalog;

/** Editions of Windows Server; spec introduction: only Datacenter and Standard qualify for the Azure Hybrid Benefit. */
public enum WindowsServerEdition {
    DATACENTER,
    STANDARD,
    ESSENTIALS;

    public boolean qualifiesForHybridBenefit() {
        return this == DATACENTER || this == STANDARD;
    }
}
