package com.cspdesk.application.support.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * Spec "Submit a customer support request to cancel a purchase": type "CSP Purchase/Refund on
 * behalf of customers", impact, title, a description naming the customer, the order or
 * subscription, the refund reason and amount, and the contact.
 */
public interface CreateServiceRequest {

    CreateResult create(NewServiceRequest request, Actor actor);

    /** Raw input, validated by the use case. */
    record NewServiceRequest(String category, String impact, String title, String customerTenantIdOrDomain,
                             String orderId, String subscriptionId, String refundReason, String amountRequested,
                             String currency, String contactName, String contactEmail, String contactPhone) {
    }

    sealed interface CreateResult {
    }

    record Created(ServiceRequestView request) implements CreateResult {
    }

    /**
     * {@code reason} a stable code (e.g. {@code category_invalid}, {@code contact_email_invalid}), {@code field} the input.
     * A named order must be the customer's own ({@code refund_order_not_found}) and the amount in its currency
     * ({@code amount_currency_mismatch}) and at most its gross minus the credits already given
     * ({@code amount_exceeds_creditable}).
     */
    record Refused(String reason, String field) implements CreateResult {
    }

    /** The table does not let the actor file requests; nothing was looked at or stored. */
    record NotPermitted(Permission permission) implements CreateResult {
    }
}
