package com.cspdesk.bootstrap.wiring;

import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.sandbox.port.out.SandboxClockMoved;
import com.cspdesk.application.subscriptions.SubscriptionManagement;
import com.cspdesk.application.subscriptions.SubscriptionRenewals;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;
import com.cspdesk.application.activity.ActivityLogReading;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.cancellation.OrderCancelling;
import com.cspdesk.application.cancellation.OrderCreditsReading;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.credits.CreditNoteIssuing;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.catalog.PriceSheets;
import com.cspdesk.application.portfolio.OrdersAcrossCustomersReading;
import com.cspdesk.application.portfolio.SoftwareInventoryReading;
import com.cspdesk.application.portfolio.SubscriptionsAcrossCustomersReading;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.catalog.CatalogBrowsing;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.CustomerAccounts;
import com.cspdesk.application.customers.CustomerChoosing;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.idempotency.IdempotentExecution;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.identity.ApplicationAdministration;
import com.cspdesk.application.identity.ApplicationAuthentication;
import com.cspdesk.application.identity.LiveCredentials;
import com.cspdesk.application.identity.Sessions;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.ClientSecrets;
import com.cspdesk.application.identity.SigningIn;
import com.cspdesk.application.identity.SecondFactorAuthentication;
import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.application.identity.port.out.TotpCodes;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.application.invoicing.BillingReconciliation;
import com.cspdesk.application.invoicing.MonthlyInvoicing;
import com.cspdesk.application.metrics.CountedWebhookTransport;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.invoicing.port.out.BackgroundWork;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.identity.UserAdministration;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.sandbox.SandboxClock;
import com.cspdesk.application.sandbox.SandboxTimeTravel;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.ordering.Ordering;
import com.cspdesk.application.ordering.ReservationScopeChanging;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.SoftwareKeysAndDownloads;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.DownloadTokens;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.application.software.port.out.ProductKeyIssuer;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.application.software.port.out.SoftwareStore;
import com.cspdesk.domain.software.DownloadLinkPolicy;
import com.cspdesk.application.support.SupportDesk;
import com.cspdesk.application.support.ServiceRequestFollowUp;
import com.cspdesk.application.support.port.out.ContentSniffer;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.money.UsdEquivalents;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuotePolicy;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import com.cspdesk.application.webhooks.WebhookRegistering;
import com.cspdesk.application.webhooks.WebhookDelivering;
import com.cspdesk.application.webhooks.WebhookDeliveryLog;
import com.cspdesk.application.webhooks.WebhookLogKeeping;
import com.cspdesk.application.webhooks.port.out.HostAddresses;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookSigning;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.application.webhooks.port.out.WebhookSecrets;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.function.Supplier;

/** The composition root: application services built from their ports. */
@Factory
class ApplicationServices {

    @Singleton
    UserAdministration userAdministration(Users users, Customers customers, PasswordHasher hasher, Transactions transactions,
                                          Clock clock, Sessions sessions, ActivityLog activityLog) {
        return new UserAdministration(users, customers, hasher, transactions, clock, sessions, activityLog);
    }

    /**
     * How long an instance trusts what it last read of a user's sessions: a sign-out or deletion on
     * another instance takes effect here within this time. Real time, not the sandbox clock (which jumps).
     */
    static final Duration SESSIONS_KEPT_FOR = Duration.ofSeconds(5);
    /** At most this many users remembered per instance (a few hundred bytes each). */
    static final int SESSIONS_REMEMBERED = 10_000;

    /** Old memories are read again on the blocking pool, not on the threads that validate tokens. */
    @Singleton
    Sessions sessions(Users users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new Sessions(users, Clock.systemUTC(), SESSIONS_KEPT_FOR, SESSIONS_REMEMBERED, blocking);
    }

    /** Applications' tokens are checked as briefly remembered as users' sessions: a revocation elsewhere counts here within this time. */
    @Singleton
    LiveCredentials liveCredentials(Applications applications) {
        return new LiveCredentials(applications, Clock.systemUTC(), SESSIONS_KEPT_FOR, SESSIONS_REMEMBERED);
    }

    @Singleton
    ApplicationAdministration applicationAdministration(Applications applications, ClientSecrets secrets,
                                                        LiveCredentials liveCredentials, ActivityLog activityLog,
                                                        Transactions transactions, Clock clock) {
        return new ApplicationAdministration(applications, secrets, liveCredentials, activityLog, transactions, clock);
    }

    @Singleton
    ApplicationAuthentication applicationAuthentication(Applications applications, ClientSecrets secrets,
                                                        SignInFailures failures, ActivityLog activityLog,
                                                        Transactions transactions, Clock clock, BusinessMetrics metrics) {
        return new ApplicationAuthentication(applications, secrets, failures, activityLog, transactions, clock, metrics);
    }

    @Singleton
    SigningIn signingIn(Users users, PasswordHasher hasher, SignInFailures failures, ActivityLog activityLog,
                        Transactions transactions, Clock clock, SecondFactorAuthentication secondFactor,
                        BusinessMetrics metrics) {
        return new SigningIn(users, hasher, failures, activityLog, transactions, clock, secondFactor, metrics);
    }

    /** TOTP codes are checked against real time, as authenticator apps keep it, not the sandbox's clock. */
    @Singleton
    SecondFactorAuthentication secondFactorAuthentication(SecondFactors secondFactors, Users users, TotpCodes totp,
                                                          SecretSealing sealing, Transactions transactions,
                                                          ActivityLog activityLog, Sessions sessions,
                                                          SecondFactorRequirement requirement, Clock clock) {
        return new SecondFactorAuthentication(secondFactors, users, totp, sealing, transactions, activityLog, sessions,
                requirement, clock, Clock.systemUTC());
    }

    @Singleton
    IdempotentExecution idempotentExecution(IdempotencyRecords records, SecretSealing sealing, Transactions transactions,
                                            Clock clock) {
        return new IdempotentExecution(records, sealing, transactions, clock);
    }

    @Singleton
    CatalogBrowsing catalogBrowsing(Catalog catalog, ProductAvailability productAvailability,
                                    MarketCurrencies marketCurrencies, PriceQuotePolicy priceQuotePolicy) {
        return new CatalogBrowsing(catalog, productAvailability, marketCurrencies, priceQuotePolicy);
    }

    @Singleton
    CustomerAccounts customerAccounts(Customers customers, ActivityLog activityLog, Transactions transactions, Clock clock) {
        return new CustomerAccounts(customers, activityLog, transactions, clock);
    }

    @Singleton
    Ordering ordering(Customers customers, Catalog catalog, Orders orders, Entitlements entitlements,
                      SubscriptionStarts subscriptionStarts, ActivityLog activityLog, Transactions transactions,
                      ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                      PriceQuotePolicy priceQuotePolicy, Clock clock) {
        return new Ordering(customers, catalog, orders, entitlements, subscriptionStarts, activityLog, transactions,
                productAvailability, marketCurrencies, priceQuotePolicy, clock);
    }

    /** Issue #16 reservations provisioned: a reservation line's scope changed after purchase. */
    @Singleton
    ReservationScopeChanging reservationScopeChanging(Customers customers, Orders orders, ActivityLog activityLog,
                                                      Transactions transactions, Clock clock) {
        return new ReservationScopeChanging(customers, orders, activityLog, transactions, clock);
    }

    @Singleton
    SoftwareKeysAndDownloads softwareKeysAndDownloads(Customers customers, OwnedSoftware ownedSoftware, ProductKeyVault vault,
                                                      ProductKeyIssuer issuer, DownloadLinks links, DownloadTokens tokens,
                                                      SoftwareStore store, ActivityLog activityLog, Transactions transactions,
                                                      DownloadLinkPolicy linkPolicy, Clock clock) {
        return new SoftwareKeysAndDownloads(customers, ownedSoftware, vault, issuer, links, tokens, store, activityLog,
                transactions, linkPolicy, clock);
    }

    // Views across all customers and the price sheet (#16 items 6 and 7)
    @Singleton
    OrdersAcrossCustomersReading ordersAcrossCustomersReading(OrdersAcrossCustomers orders, Customers customers) {
        return new OrdersAcrossCustomersReading(orders, customers);
    }

    @Singleton
    SoftwareInventoryReading softwareInventoryReading(SoftwareAcrossCustomers software, Customers customers) {
        return new SoftwareInventoryReading(software, customers);
    }

    @Singleton
    SubscriptionsAcrossCustomersReading subscriptionsAcrossCustomersReading(SubscriptionsAcrossCustomers subscriptions,
                                                                            Customers customers,
                                                                            RenewalCancellationPolicy renewalCancellation,
                                                                            Clock clock) {
        return new SubscriptionsAcrossCustomersReading(subscriptions, customers, renewalCancellation, clock);
    }

    @Singleton
    PriceSheets priceSheets(Catalog catalog, CatalogBrowsing catalogBrowsing) {
        return new PriceSheets(catalog, catalogBrowsing);
    }

    @Singleton
    ActivityLogReading activityLogReading(ActivityRecords records, Clock clock) {
        return new ActivityLogReading(records, clock);
    }

    @Singleton
    CustomerChoosing customerChoosing(Customers customers) {
        return new CustomerChoosing(customers);
    }

    @Singleton
    OrderCancelling orderCancelling(Customers customers, Orders orders, OrderCancellations cancellations,
                                    SoftwareRevocations revocations, Credits credits, ActivityLog activityLog,
                                    Transactions transactions, CancellationPolicy policy, UsdEquivalents usdEquivalents,
                                    Clock clock) {
        return new OrderCancelling(customers, orders, cancellations, revocations, credits, activityLog, transactions, policy,
                usdEquivalents, clock);
    }

    /** An order's credit notes with the invoice each landed on (issue #17). */
    @Singleton
    OrderCreditsReading orderCreditsReading(Customers customers, Orders orders, Credits credits, Invoices invoices) {
        return new OrderCreditsReading(customers, orders, credits, invoices);
    }

    /** Manual credit notes; support's refund resolution credits through it too (issue #16). */
    @Singleton
    CreditNoteIssuing creditNoteIssuing(Customers customers, OrderCancellations orders, Credits credits, ActivityLog activityLog,
                                        Transactions transactions, Clock clock) {
        return new CreditNoteIssuing(customers, orders, credits, activityLog, transactions, clock);
    }

    /** The unbilled items and reconciliation line items (issue #16). */
    @Singleton
    BillingReconciliation billingReconciliation(Invoices invoices, Clock clock) {
        return new BillingReconciliation(invoices, clock);
    }

    // Subscriptions with a term (#16)
    @Singleton
    SubscriptionManagement subscriptionManagement(Customers customers, Subscriptions subscriptions, CancelOrder cancelOrder,
                                                  SoftwareRevocations revocations, Credits credits, ActivityLog activityLog,
                                                  Transactions transactions, RenewalCancellationPolicy renewalCancellation,
                                                  Clock clock) {
        return new SubscriptionManagement(customers, subscriptions, cancelOrder, revocations, credits, activityLog,
                transactions, renewalCancellation, clock);
    }

    @Singleton
    SubscriptionRenewals subscriptionRenewals(Subscriptions subscriptions, RenewalCharges renewalCharges,
                                              SoftwareRevocations revocations, Customers customers, ActivityLog activityLog,
                                              Transactions transactions, Clock clock) {
        return new SubscriptionRenewals(subscriptions, renewalCharges, revocations, customers, activityLog, transactions,
                clock);
    }

    @Singleton
    MonthlyInvoicing monthlyInvoicing(Invoices invoices, InvoiceRuns runs, JobLock lock, BackgroundWork background,
                                      ActivityLog activityLog, Transactions transactions, Clock clock,
                                      BusinessMetrics metrics) {
        return new MonthlyInvoicing(invoices, runs, lock, background, activityLog, transactions, clock, metrics);
    }

    @Singleton
    SupportDesk supportDesk(ServiceRequests requests, Orders orders, Customers customers, ContentSniffer sniffer,
                            ActivityLog activityLog, Transactions transactions, Clock clock) {
        return new SupportDesk(requests, orders, customers, sniffer, activityLog, transactions, clock);
    }

    /** Support requests that end (#16 item 4): status, notes, resolution (an approved refund credited through the credit notes). */
    @Singleton
    ServiceRequestFollowUp serviceRequestFollowUp(ServiceRequests requests, Orders orders, OrderCancellations cancellations,
                                                  Customers customers, CreditNoteIssuing creditNotes, ActivityLog activityLog,
                                                  Transactions transactions, Clock clock) {
        return new ServiceRequestFollowUp(requests, orders, cancellations, customers, creditNotes, activityLog, transactions, clock);
    }

    @Singleton
    @Requires(property = "cspdesk.sandbox.enabled", value = "true")
    SandboxTimeTravel sandboxTimeTravel(SandboxClock clock, SandboxClockSettings settings, ActivityLog activityLog,
                                        Transactions transactions, List<SandboxClockMoved> listeners) {
        return new SandboxTimeTravel(clock, settings, activityLog, transactions, listeners);
    }

    @Singleton
    WebhookRegistering webhookRegistering(WebhookRegistrations registrations, WebhookSecrets secrets, SecretSealing sealing,
                                          HostAddresses hostAddresses, WebhookDestinationPolicy destinations,
                                          ActivityLog activityLog, Transactions transactions, Clock clock) {
        return new WebhookRegistering(registrations, secrets, sealing, hostAddresses, destinations, activityLog, transactions,
                clock);
    }

    /**
     * Webhook delivery: the product's clock decides what is due (the sandbox's time travel moves retries),
     * real time stamps each attempt for the receiver's replay check; the payload's addresses are absolute
     * against the public address (or the local one when none is configured).
     */
    @Singleton
    WebhookDelivering webhookDelivering(WebhookDeliveries deliveries, WebhookTransport transport, WebhookSigning signing,
                                        SecretSealing sealing, ActivityLog activityLog, Clock clock,
                                        @Value("${cspdesk.public-url:}") String publicUrl,
                                        BeanProvider<EmbeddedServer> server, BusinessMetrics metrics) {
        URI configured = publicUrl.isBlank() ? null : URI.create(publicUrl);
        Supplier<URI> root = configured != null ? () -> configured
                : () -> URI.create("http://localhost:" + server.get().getPort() + "/");
        // Every attempt counted as it is made (the transport bean itself stays as it is, closed at shutdown).
        return new WebhookDelivering(deliveries, new CountedWebhookTransport(transport, metrics), signing, sealing, activityLog,
                clock, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble(), root);
    }

    @Singleton
    WebhookDeliveryLog webhookDeliveryLog(WebhookRegistrations registrations, WebhookDeliveries deliveries,
                                          ActivityLog activityLog, Transactions transactions, Clock clock) {
        return new WebhookDeliveryLog(registrations, deliveries, activityLog, transactions, clock);
    }

    @Singleton
    WebhookLogKeeping webhookLogKeeping(WebhookDeliveries deliveries, Clock clock) {
        return new WebhookLogKeeping(deliveries, clock);
    }
}
