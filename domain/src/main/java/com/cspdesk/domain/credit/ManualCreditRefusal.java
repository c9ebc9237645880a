package com.cspdesk.domain.credit;

/** Why a manual credit note cannot be issued; {@link #code()} is the API's stable problem code. */
public enum ManualCreditRefusal {
    AMOUNT_NOT_POSITIVE("credit_amount_invalid"),
    CURRENCY_MISMATCH("credit_currency_mismatch"),
    /** More than the order can still be credited (its charges less every credit so far). */
    EXCEEDS_CREDITABLE("credit_exceeds_creditable"),
    /** A manual credit always says why, for the customer's invoice and the activity log. */
    REASON_MISSING("credit_explanation_missing"),
    /** Only goodwill and refund credits are given by hand; the others come from their own flows. */
    REASON_NOT_MANUAL("credit_reason_not_manual");

    private final String code;

    ManualCreditRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
