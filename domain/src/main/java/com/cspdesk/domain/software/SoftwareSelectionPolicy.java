package com.cspdesk.domain.software;

import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.SoftwareSku;
import java.util.Objects;

/**
 * Spec "Activate and manage software subscriptions" step 2: a (version, language, bit) selection is offered when the purchase entitles to the version and its SKU has the language and bitness.
 *
 * <p>Versions follow {@link EarlierVersionRights}: the purchased version or an earlier one of its family.
 * Languages and bitness are the purchased SKU's, for every entitled version. Checked in that order:
 * version, language, bitness.
 */
public final class SoftwareSelectionPolicy {

    private final EarlierVersionRights earlierVersionRights;

    public SoftwareSelectionPolicy(EarlierVersionRights earlierVersionRights) {
        this.earlierVersionRights = Objects.requireNonNull(earlierVersionRights, "earlierVersionRights");
    }

    public static SoftwareSelectionPolicy withEarlierVersionRights() {
        return new SoftwareSelectionPolicy(new EarlierVersionRights());
    }

    /** Whether a purchase of {@code purchased} offers keys and downloads for {@code selection}. */
    public SelectionDecision check(SoftwareSku purchased, SoftwareSelection selection) {
        Objects.requireNonNull(purchased, "purchased");
        Objects.requireNonNull(selection, "selection");
        if (!earlierVersionRights.entitles(purchased, selection.version())) {
            return new SelectionDecision.NotOffered(selection, SelectionDecision.Reason.VERSION_NOT_ENTITLED);
        }
        if (!purchased.languages().contains(selection.language())) {
            return new SelectionDecision.NotOffered(selection, SelectionDecision.Reason.LANGUAGE_NOT_OFFERED);
        }
        if (!purchased.bitness().contains(selection.bitness())) {
            return new SelectionDecision.NotOffered(selection, SelectionDecision.Reason.BITNESS_NOT_OFFERED);
        }
        return new SelectionDecision.Offered(selection);
    }
}
