package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.webhooks.port.out.EventOutbox.StoredEvent;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, the transactional outbox on MariaDB: a change through the API leaves its webhook event in
 * the outbox, pointing at what changed, and a change refused or lost to a concurrent one leaves none.
 */
@MicronautTest(transactional = false)
class WebhookOutboxEndToEndTest extends EndToEnd {

    private final Purchases purchases = new Purchases(this);
    private final Shop shop = new Shop(this);
    private String agent;
    private WebhookReceiver receiver;

    @Inject
    EventOutbox outbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(purchases.withStore(super.getProperties()));
        properties.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        return properties;
    }

    @BeforeAll
    void signIn() throws IOException {
        agent = loginDemo("admin.agent@partner.demo");
        receiver = WebhookReceiver.receivingEverything(this, agent);
    }

    @AfterAll
    void deleteFiles() {
        receiver.close();
        purchases.deleteStore();
    }

    @Test
    void placingAnOrderLeavesOneOrderCreatedPointingAtItAndItsRecord() {
        String tenant = shop.createCustomer(agent, "Outbox Kft.", "HU");
        Map<String, Object> order = shop.order(agent, tenant,
                Shop.line(0, shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "HU"), 1));
        String orderUri = "/v1/customers/" + tenant + "/orders/" + order.get("id");

        assertThat(eventsAbout("/v1/customers/" + tenant)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.CUSTOMER_CREATED);
        List<StoredEvent> events = eventsAbout(orderUri);
        assertThat(events).hasSize(1);
        StoredEvent created = events.get(0);
        assertThat(created.change().event()).isEqualTo(WebhookEvent.ORDER_CREATED);
        assertThat(created.change().resourceName()).isEqualTo("Order");
        assertThat(created.change().changedAt()).isEqualTo(Instant.parse((String) order.get("creationDate")));
        assertThat(created.sequence()).isEqualTo(1);
        assertThat(created.id()).startsWith("msg_");
        assertThat(created.change().toString()).doesNotContain("Outbox Kft.", "Windows");

        // The audit pointer finds the order's record.
        Answer audit = send("GET", created.change().auditUri(), loginDemo("global.admin@partner.demo"), null);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(URLDecoder.decode(audit.body(), StandardCharsets.UTF_8)).contains((String) order.get("id"), "create_order");
    }

    @Test
    void aCancellationLeavesOrderUpdatedThenCreditIssuedInOrder() {
        String tenant = shop.createCustomer(agent, "Storno Kft.", "HU");
        String orderId = order(tenant, CancellationEndToEndTest.WS2022_STANDARD, "HU");
        String orderUri = "/v1/customers/" + tenant + "/orders/" + orderId;

        Answer cancelled = shop.cancel(agent, tenant, orderId);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        List<StoredEvent> events = eventsAbout(orderUri);
        assertThat(events).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.ORDER_CREATED, WebhookEvent.ORDER_UPDATED, WebhookEvent.CREDIT_ISSUED);
        assertThat(events).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).allSatisfy(e -> assertThat(e.change().resourceUri()).isEqualTo(orderUri));
        assertThat(events.get(2).change().resourceName()).isEqualTo("Credit");
    }

    @Test
    void aRefusedCancellationLeavesNoEvent() {
        String tenant = shop.createCustomer(agent, "Pinguin Kft.", "DE");
        String orderId = order(tenant, CancellationEndToEndTest.SUSE_PLAN, "DE");
        String orderUri = "/v1/customers/" + tenant + "/orders/" + orderId;

        Answer refused = shop.cancel(agent, tenant, orderId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);

        assertThat(eventsAbout(orderUri)).extracting(e -> e.change().event()).containsExactly(WebhookEvent.ORDER_CREATED);
    }

    @Test
    void ofConcurrentCancellationsOnlyTheOneThatCommittedLeavesEvents() throws Exception {
        String tenant = shop.createCustomer(agent, "Verseny Kft.", "HU");
        String orderId = order(tenant, CancellationEndToEndTest.WS2022_STANDARD, "HU");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> shop.cancel(agent, tenant, orderId).status());
            }
            for (Future<Integer> status : pool.invokeAll(tasks)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).allSatisfy(s -> assertThat(s).isEqualTo(409));

        assertThat(eventsAbout("/v1/customers/" + tenant + "/orders/" + orderId)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.ORDER_CREATED, WebhookEvent.ORDER_UPDATED, WebhookEvent.CREDIT_ISSUED);
    }

    /** An order of one of the product's SKU 0001 for the customer: its id. */
    private String order(String tenant, String productId, String country) {
        return (String) shop.order(agent, tenant, Shop.line(0, shop.offer(agent, productId, "0001", country), 1)).get("id");
    }

    private List<StoredEvent> eventsAbout(String resourceUri) {
        return outbox.ofOrderingKey(resourceUri);
    }
}
