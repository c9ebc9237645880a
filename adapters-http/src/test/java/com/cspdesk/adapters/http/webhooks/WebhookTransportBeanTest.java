package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.application.webhooks.port.out.HostAddresses;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failed;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beans as the product gets them: the policy from the context, the bounds from the configuration. */
class WebhookTransportBeanTest {

    @Test
    void the_transport_takes_the_policy_and_its_bounds_from_the_context() {
        try (Receiver receiver = new Receiver();
             ApplicationContext context = ApplicationContext.builder()
                     .properties(Map.of("cspdesk.webhooks.delivery.connect-timeout", "1s",
                             "cspdesk.webhooks.delivery.response-timeout", "1s"))
                     .singletons(new WebhookDestinationPolicy(List.of("127.0.0.1")))
                     .start()) {
            receiver.on("/hook", exchange -> {
                Thread.sleep(10_000);
                exchange.sendResponseHeaders(200, -1);
            });

            WebhookTransport.Outcome outcome = context.getBean(WebhookTransport.class)
                    .post(URI.create(receiver.url("/hook")), Map.of(), "{}");

            // Answered after 10 s under the default bound; the configured 1 s ends it first.
            assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                    failed -> assertThat(failed.failure()).isEqualTo(Failure.TIMED_OUT));
            assertThat(receiver.requests()).hasSize(1);
            assertThat(context.getBean(HostAddresses.class)).isInstanceOf(SystemHostAddresses.class);
        }
    }
}
