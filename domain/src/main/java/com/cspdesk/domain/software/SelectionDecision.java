package com.cspdesk.domain.software;

import java.util.Objects;

/** The answer of {@link SoftwareSelectionPolicy}: the selection is offered by the purchase, or why not. */
public sealed interface SelectionDecision {

    boolean offered();

    /** Keys and downloads may be given for the selection. */
    record Offered(SoftwareSelection selection) implements SelectionDecision {
        public Offered {
            Objects.requireNonNull(selection, "selection");
        }

        @Override
        public boolean offered() {
            return true;
        }
    }

    /** Not offered, for {@code reason}. */
    record NotOffered(SoftwareSelection selection, Reason reason) implements SelectionDecision {
        public NotOffered {
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean offered() {
            return false;
        }
    }

    /** Why a selection is not offered, with a stable code. */
    enum Reason {
        /** Neither the purchased version nor an earlier one of its family. */
        VERSION_NOT_ENTITLED("version_not_entitled"),
        LANGUAGE_NOT_OFFERED("language_not_offered"),
        BITNESS_NOT_OFFERED("bitness_not_offered");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
