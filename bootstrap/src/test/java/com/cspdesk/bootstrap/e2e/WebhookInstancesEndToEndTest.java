package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.WebhookReceiver.Received;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15's "done when" across processes' worth of instances on one MariaDB database: the instance
 * taking orders here delivers nothing (as if it died right after each commit), so an event committed
 * is delivered by an instance started afterwards; and two delivering instances deliver each event
 * once. The delivering instances are whole products of their own (their own server, pool and threads).
 */
@MicronautTest(transactional = false)
class WebhookInstancesEndToEndTest extends EndToEnd {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Shop shop = new Shop(this);
    private Map<String, String> properties;
    private WebhookReceiver receiver;
    private String agent;

    /** Once: the instances started by the tests must find the same database, not a fresh one. */
    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = super.getProperties();
        }
        return properties;
    }

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        settings.put("cspdesk.webhooks.delivery.enabled", "false");
        return settings;
    }

    @BeforeAll
    void registerAReceiver() throws IOException {
        agent = loginDemo("admin.agent@partner.demo");
        receiver = WebhookReceiver.registered(this, agent, "order-created");
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void anEventCommittedByAnInstanceThatNeverDeliveredIsDeliveredByOneStartedAfterwards() throws Exception {
        String tenant = shop.createCustomer(agent, "Újraindítás Kft.", "HU");
        String orderUri = "/v1/customers/" + tenant + "/orders/" + order(tenant);
        Thread.sleep(1000); // what an instance that delivers would have sent by now: nothing here
        assertThat(receiver.received()).noneMatch(r -> orderUri.equals(path(r)));

        try (ApplicationContext restarted = deliveringInstance()) {
            receiver.await(WITHIN, got -> got.stream().anyMatch(r -> orderUri.equals(path(r)) && r.verified()));
        }
        assertThat(receiver.delivered()).filteredOn(r -> orderUri.equals(path(r))).hasSize(1);
    }

    @Test
    void twoDeliveringInstancesDeliverEachEventOnce() throws Exception {
        String tenant = shop.createCustomer(agent, "Kétpéldány Kft.", "HU");
        String offer = shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "HU");
        int orders = 60;
        try (ApplicationContext one = deliveringInstance(); ApplicationContext two = deliveringInstance()) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<String> placed = new ArrayList<>();
            try {
                List<Callable<String>> tasks = new ArrayList<>();
                for (int i = 0; i < orders; i++) {
                    tasks.add(() -> (String) shop.order(agent, tenant, Shop.line(0, offer, 1)).get("id"));
                }
                for (Future<String> id : clients.invokeAll(tasks)) {
                    placed.add("/v1/customers/" + tenant + "/orders/" + id.get());
                }
            } finally {
                clients.shutdownNow();
            }
            Set<String> expected = Set.copyOf(placed);
            receiver.await(WITHIN, got -> got.stream().map(WebhookInstancesEndToEndTest::path).filter(expected::contains)
                    .collect(Collectors.toSet()).size() == orders);
            Thread.sleep(1000); // a duplicate would come now, if one were coming
            List<Received> mine = receiver.received().stream().filter(r -> expected.contains(path(r))).toList();
            assertThat(mine).allMatch(Received::verified);
            assertThat(mine).extracting(Received::id).doesNotHaveDuplicates().hasSize(orders);
        }
    }

    /** Another product on the same database, delivering. */
    private ApplicationContext deliveringInstance() {
        Map<String, Object> instance = new HashMap<>(getProperties());
        instance.put("cspdesk.webhooks.delivery.enabled", "true");
        instance.put("cspdesk.webhooks.delivery.poll-interval", "100ms");
        return ApplicationContext.run(EmbeddedServer.class, instance).getApplicationContext();
    }

    private String order(String tenant) {
        return (String) shop.order(agent, tenant, Shop.line(0, shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD,
                "0001", "HU"), 1)).get("id");
    }

    /** The resource's address without the product's root. */
    private static String path(Received received) {
        String uri = received.resourceUri();
        return uri == null ? null : uri.substring(uri.indexOf("/v1/"));
    }
}
