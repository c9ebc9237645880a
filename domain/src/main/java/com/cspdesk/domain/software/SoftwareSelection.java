package com.cspdesk.domain.software;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import java.util.Objects;

/** Spec "Activate and manage software subscriptions" step 2: the version, language and bit chosen before "Get keys and downloads". */
public record SoftwareSelection(SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {

    public SoftwareSelection {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(bitness, "bitness");
    }
}
