package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.application.subscriptions.port.in.SubscriptionView;

import java.util.Objects;

/** A subscription in the view across customers: as its customer's list shows it, with the customer's name. */
public record CustomerSubscriptionView(SubscriptionView subscription, String customerName) {

    public CustomerSubscriptionView {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(customerName, "customerName");
    }
}
