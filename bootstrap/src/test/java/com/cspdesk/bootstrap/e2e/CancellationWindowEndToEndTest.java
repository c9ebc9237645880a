package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec "Cancel a purchase": "You can cancel a software purchase within 60 days of the purchase
 * date … After 60 days, you can no longer cancel", and "software subscriptions will receive a
 * prorated credit". The sandbox clock only moves forward, so this class has its own database and
 * walks one timeline: five orders bought together, then the clock moved to 45 days (a one-year
 * subscription is cancelled for exactly its remaining days), 59 days, the last moment of the
 * window, one second after it, and 61 days.
 *
 * <p>The window's last instant is purchase + 60 × 24 h exactly. The sandbox clock stands still here
 * unless the test moves it ({@link #clockStandsStill()}), so the test sets it to that very instant
 * and cancels there; one second after it is refused.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CancellationWindowEndToEndTest extends EndToEnd {

    static final String WS2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    private final Shop shop = new Shop(this);
    private String agent;
    private String tenant;
    private Map<String, Object> subscription;
    private Map<String, Object> day59;
    private Map<String, Object> day60;
    private Map<String, Object> justAfter;
    private Map<String, Object> day61;

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @BeforeAll
    void buyEverythingOnDayZero() {
        agent = loginDemo("admin.agent@partner.demo");
        tenant = shop.createCustomer(agent, "Zeitreise GmbH", "DE");
        String perpetual = shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE");
        subscription = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD_SUBSCRIPTION, "0001", "DE"), 2));
        day59 = shop.order(agent, tenant, Shop.line(0, perpetual, 1));
        day60 = shop.order(agent, tenant, Shop.line(0, perpetual, 1));
        justAfter = shop.order(agent, tenant, Shop.line(0, perpetual, 1));
        day61 = shop.order(agent, tenant, Shop.line(0, perpetual, 1));
    }

    @Test
    @Order(1)
    void aOneYearSubscriptionCancelledAfter45DaysIsCreditedItsRemainingDays() {
        Instant purchased = purchased(subscription);
        shop.clockTo(agent, purchased.plus(Duration.ofDays(45)));
        Map<String, Object> line = Shop.lines(subscription).get(0);
        assertThat(line).containsEntry("termDuration", "P1Y").containsEntry("taxIncluded", false);

        // The domain's rule: remaining whole days over the term's days, a started day still counts as remaining;
        // gross and tax each prorated and rounded half-up to the cent, net the difference.
        LocalDate start = LocalDate.ofInstant(purchased, ZoneOffset.UTC);
        long termDays = ChronoUnit.DAYS.between(start, start.plusYears(1));
        long remaining = termDays - 45;
        BigDecimal gross = amount(line.get("gross"));
        BigDecimal tax = amount(line.get("tax"));
        BigDecimal creditGross = gross.multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP);
        BigDecimal creditTax = tax.multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP);
        Map<String, Object> expected = Map.of("net", money(creditGross.subtract(creditTax)), "tax", money(creditTax),
                "gross", money(creditGross));
        assertThat(creditGross).isLessThan(gross).isGreaterThan(BigDecimal.ZERO);

        Map<String, Object> preview = shop.preview(agent, tenant, id(subscription));
        assertThat(preview).containsEntry("cancellable", true).containsEntry("daysRemaining", 15);
        assertThat(Shop.lines(preview).get(0).get("credit")).isEqualTo(expected);
        assertThat(preview.get("totalCredit")).isEqualTo(expected);

        Answer cancelled = shop.cancel(agent, tenant, id(subscription));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("creditTotal")).isEqualTo(expected);
        assertThat(cancelled.json()).containsEntry("status", "cancelled");
    }

    @Test
    @Order(2)
    void onDay59ThePurchaseIsCancelledWithADayLeft() {
        shop.clockTo(agent, purchased(day59).plus(Duration.ofDays(59)));
        Map<String, Object> preview = shop.preview(agent, tenant, id(day59));
        assertThat(preview).containsEntry("cancellable", true).containsEntry("daysRemaining", 1);

        Answer cancelled = shop.cancel(agent, tenant, id(day59));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("creditTotal")).as("perpetual software: 100 %").isEqualTo(day59.get("totals"));
    }

    @Test
    @Order(3)
    void atTheLastMomentOfDay60ThePurchaseIsStillCancelled() {
        Instant windowEnd = purchased(day60).plus(Duration.ofDays(60));
        assertThat(shop.clockTo(agent, windowEnd)).isEqualTo(windowEnd);

        Map<String, Object> preview = shop.preview(agent, tenant, id(day60));
        assertThat(preview).containsEntry("cancellable", true).containsEntry("daysRemaining", 0);
        assertThat(Instant.parse((String) preview.get("windowEndsAt"))).isEqualTo(windowEnd);

        Answer cancelled = shop.cancel(agent, tenant, id(day60));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(shop.now(agent)).as("cancelled at the window's last instant").isEqualTo(windowEnd);
        assertThat(cancelled.json().get("creditTotal")).isEqualTo(day60.get("totals"));
    }

    @Test
    @Order(4)
    void oneSecondAfterTheWindowTheCancellationIsRefused() {
        Instant oneSecondAfter = purchased(justAfter).plus(Duration.ofDays(60)).plusSeconds(1);
        assertThat(shop.clockTo(agent, oneSecondAfter)).isEqualTo(oneSecondAfter);
        Map<String, Object> preview = shop.preview(agent, tenant, id(justAfter));
        assertThat(preview).containsEntry("cancellable", false).containsEntry("reason", "cancellation_window_passed")
                .containsEntry("daysRemaining", 0);

        assertRefusedAsPassed(id(justAfter));
    }

    @Test
    @Order(5)
    void onDay61TheCancellationIsRefused() {
        shop.clockTo(agent, purchased(day61).plus(Duration.ofDays(61)));
        assertRefusedAsPassed(id(day61));
        Answer german = shop.cancel(agent, tenant, id(day61), "Accept-Language", "de");
        assertThat((String) german.json().get("title")).isEqualTo("Stornierungsfrist abgelaufen");
    }

    private void assertRefusedAsPassed(String orderId) {
        Answer refused = shop.cancel(agent, tenant, orderId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("cancellation_window_passed");
        Map<String, Object> order = send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json();
        assertThat(order).containsEntry("status", "completed");
        assertThat(Shop.lines(order).get(0)).containsEntry("status", "active").containsEntry("quantity", 1);
    }

    private static Instant purchased(Map<String, Object> order) {
        return Instant.parse((String) order.get("creationDate"));
    }

    private static String id(Map<String, Object> order) {
        return (String) order.get("id");
    }

    private static BigDecimal amount(Object money) {
        return new BigDecimal((String) Shop.map(money).get("amount"));
    }

    private static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), "currency", "EUR");
    }
}
