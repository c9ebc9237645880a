package com.cspdesk.adapters.crypto.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receiver's view: what the adapter signs, the Standard Webhooks library's verifier accepts, and it
 * rejects a delivery whose body, id or timestamp was altered, or that is replayed outside its tolerance.
 */
class StandardWebhooksSigningTest {

    private static final String BODY = "{\"EventName\":\"order-created\",\"ResourceUri\":\"/v1/customers/c-1/orders/o-1\","
            + "\"ResourceName\":\"Order\",\"AuditUri\":null,\"ResourceChangeUtcDate\":\"2026-12-03T09:14:15.123456Z\"}";
    private static final String ID = "msg_2f8c0c1e6b7a4d5e9f0a1b2c3d4e5f60";

    private final StandardWebhooksSigning signing = new StandardWebhooksSigning();

    @Test
    void whatItSignsTheLibrarysVerifierAccepts() {
        String secret = signing.newSecret();
        long now = Instant.now().getEpochSecond();

        String signature = signing.signature(secret, ID, now, BODY);

        assertThat(signature).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThatCode(() -> new Webhook(secret).verify(BODY, headers(ID, now, signature))).doesNotThrowAnyException();
    }

    @Test
    void anAlteredBodyAnotherIdOrAnotherTimestampIsRejected() throws Exception {
        String secret = signing.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = signing.signature(secret, ID, now, BODY);
        Webhook receiver = new Webhook(secret);

        assertThatThrownBy(() -> receiver.verify(BODY.replace("o-1", "o-2"), headers(ID, now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.verify(BODY, headers("msg_another", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.verify(BODY, headers(ID, now - 1, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(signing.newSecret()).verify(BODY, headers(ID, now, signature)))
                .as("another registration's secret").isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aDeliveryReplayedOutsideTheToleranceIsRejectedThoughCorrectlySigned() {
        String secret = signing.newSecret();
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
        long tenMinutesAhead = Instant.now().plusSeconds(600).getEpochSecond();

        String old = signing.signature(secret, ID, tenMinutesAgo, BODY);
        String future = signing.signature(secret, ID, tenMinutesAhead, BODY);

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(ID, tenMinutesAgo, old)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(ID, tenMinutesAhead, future)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // The example of the Standard Webhooks reference libraries' test suites.
        assertThat(signing.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreWhsecAnd256RandomBits() {
        String one = signing.newSecret();
        String two = signing.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void aSecretThatIsNotAWhsecSecretIsRefused() {
        assertThatThrownBy(() -> signing.signature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, 1, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signing.signature("whsec_", ID, 1, BODY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signing.signature("whsec_not base64!", ID, 1, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
