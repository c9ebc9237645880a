/**
 * Credit notes beyond a cancellation's (issue #16): why a credit was given ({@link com.cspdesk.domain.credit.CreditReason})
 * and how a manual credit — goodwill, an approved refund — is bounded and spread over an order's lines
 * ({@link com.cspdesk.domain.credit.ManualCreditPolicy}). Who may issue one is {@code access.Permission.ISSUE_CREDIT_NOTE}
 * (an approved refund: {@code HANDLE_SERVICE_REQUESTS}).
 */
package com.cspdesk.domain.credit;
