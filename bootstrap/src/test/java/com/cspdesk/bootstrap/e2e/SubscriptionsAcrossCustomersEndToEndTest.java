package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 item 6: {@code GET /v1/subscriptions} across all customers — the soonest term end first, filtered by
 * customer, status and term end, "renewals due in N days", CSV — for admin and sales agents and global admins only.
 */
@MicronautTest(transactional = false)
class SubscriptionsAcrossCustomersEndToEndTest extends EndToEnd {

    private final Shop shop = new Shop(this);
    private String agent;
    private String germany;
    private String sweden;

    @BeforeAll
    void buy() {
        agent = loginDemo("admin.agent@partner.demo");
        germany = shop.createCustomer(agent, "Verlängerung GmbH", "DE");
        sweden = shop.createCustomer(agent, "Förnyelse AB", "SE");
        shop.order(agent, germany, Shop.line(0, shop.offer(agent, CancellationWindowEndToEndTest.WS2022_STANDARD_SUBSCRIPTION,
                "0001", "DE"), 2));
        shop.order(agent, sweden, Shop.line(0, shop.offer(agent, CancellationWindowEndToEndTest.WS2022_STANDARD_SUBSCRIPTION,
                "0002", "SE"), 1));
    }

    @Test
    void everyCustomersSubscriptionsSoonestTermEndFirstFilteredAndExported() {
        String sales = loginDemo("sales.agent@partner.demo");
        List<Map<String, Object>> all = Shop.items(send("GET", "/v1/subscriptions", sales, null));
        assertThat(all).extracting(item -> item.get("customerId")).contains(germany, sweden);
        List<Map<String, Object>> ours = all.stream().filter(item -> List.of(germany, sweden).contains(item.get("customerId"))).toList();
        // The German one-year term ends before the Swedish three-year one.
        assertThat(ours).extracting(item -> item.get("customerId")).containsExactly(germany, sweden);
        Map<String, Object> german = Shop.map(ours.get(0).get("subscription"));
        assertThat(ours.get(0)).containsEntry("customerName", "Verlängerung GmbH");
        assertThat(german).containsEntry("status", "active").containsEntry("autoRenewEnabled", true)
                .containsEntry("termDuration", "P1Y").containsEntry("quantity", 2);

        List<Map<String, Object>> dueWithinAYearAndAMonth = Shop.items(send("GET", "/v1/subscriptions?renewalsDueInDays=400&customerId="
                + germany, agent, null));
        assertThat(dueWithinAYearAndAMonth).hasSize(1);
        assertThat(Shop.items(send("GET", "/v1/subscriptions?renewalsDueInDays=30&customerId=" + germany, agent, null))).isEmpty();
        assertThat(Shop.items(send("GET", "/v1/subscriptions?status=expired&customerId=" + germany, agent, null))).isEmpty();
        assertThat(Shop.items(send("GET", "/v1/subscriptions?customerId=" + shop.domainOf(sweden), agent, null)))
                .extracting(item -> item.get("customerId")).containsExactly(sweden);

        Answer paged = send("GET", "/v1/subscriptions?size=1", agent, null);
        assertThat(Shop.items(paged)).hasSize(1);
        assertThat(Shop.map(Shop.map(paged.json().get("links")).get("next")).get("uri").toString()).startsWith("subscriptions?");

        Answer csv = send("GET", "/v1/subscriptions?format=csv&customerId=" + germany, agent, null);
        assertThat(csv.status()).isEqualTo(200);
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("customerId,customerName,id,orderId,lineItemNumber,offerId");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith(germany + ",Verlängerung GmbH,").contains(",active,true,P1Y,1,");
    }

    @Test
    void badFiltersAreRefusedWithTheirFieldAndOtherRolesAreNot() {
        assertThat(send("GET", "/v1/subscriptions?status=paused", agent, null).problemCode()).isEqualTo("status_filter_invalid");
        Answer days = send("GET", "/v1/subscriptions?renewalsDueInDays=-1", agent, null, "Accept-Language", "sv");
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.problemCode()).isEqualTo("renewals_due_in_days_invalid");
        // Swedish writes it 3 660: the number in the reader's own way.
        assertThat(((String) days.json().get("detail")).replaceAll("[\\s\\u00a0\\u202f]", "")).contains("3660");
        assertThat(send("GET", "/v1/subscriptions?renewalsDueInDays=10&termEndTo=2030-01-01", agent, null).problemCode())
                .isEqualTo("renewals_due_in_days_invalid");
        assertThat(send("GET", "/v1/subscriptions?customerId=nobody.example", agent, null).problemCode())
                .isEqualTo("customer_not_found");
        for (String user : List.of("account.admin@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo",
                "support.staff@partner.demo", "customer.admin@contoso.demo")) {
            assertThat(send("GET", "/v1/subscriptions", loginDemo(user), null).status()).as(user).isEqualTo(403);
        }
        assertThat(send("GET", "/v1/subscriptions", loginDemo("global.admin@partner.demo"), null).status()).isEqualTo(200);
    }
}
