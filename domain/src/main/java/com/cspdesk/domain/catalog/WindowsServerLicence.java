package com.cspdesk.domain.catalog;

import java.util.Objects;

/**
 * A Windows Server licence a customer holds, and whether Software Assurance covers it.
 * An active Windows Server subscription counts as covered ({@link #activeSubscription}): subscriptions
 * carry the rights Software Assurance gives.
 */
public record WindowsServerLicence(WindowsServerEdition edition, boolean softwareAssurance) {

    public WindowsServerLicence {
        Objects.requireNonNull(edition, "edition");
    }

    public static WindowsServerLicence withSoftwareAssurance(WindowsServerEdition edition) {
        return new WindowsServerLicence(edition, true);
    }

    public static WindowsServerLicence withoutSoftwareAssurance(WindowsServerEdition edition) {
        return new WindowsServerLicence(edition, false);
    }

    /** A Windows Server subscription that is active (not cancelled, within its term). */
    public static WindowsServerLicence activeSubscription(WindowsServerEdition edition) {
        return new WindowsServerLicence(edition, true);
    }

    public boolean qualifiesForHybridBenefit() {
        return softwareAssurance && edition.qualifiesForHybridBenefit();
    }
}
