package com.cspdesk.adapters.web.idempotency;

import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptResponseTest {

    @Test
    void everyPartComesBackAsItWasKept() {
        for (KeptResponse response : new KeptResponse[]{
                new KeptResponse(201, "application/json", "/v1/customers/c/orders/o-1", "{\"id\":\"ü\",\n\"note\":\"two lines\"}\n"),
                new KeptResponse(409, "application/problem+json", null, "{}"),
                new KeptResponse(303, null, "/ui/customers/c/orders/o-2?done=order_placed", null),
                new KeptResponse(200, "text/plain", null, ""),
                new KeptResponse(204, null, null, null)}) {
            assertThat(KeptResponse.decode(response.encode())).isEqualTo(response);
        }
    }

    /** The answers persistence's migration V8 builds from the columns it replaced (IdempotencyAnswersMigrationTest). */
    @Test
    void answersKeptBeforeTheUpgradeAreReplayedAsTheyWere() {
        assertThat(KeptResponse.decode(new KeptAnswer(
                "201\napplication/json\n/v1/customers/c/orders/o-1\n{\"id\":\"ü\",\n\"note\":\"two lines\"}")))
                .isEqualTo(new KeptResponse(201, "application/json", "/v1/customers/c/orders/o-1",
                        "{\"id\":\"ü\",\n\"note\":\"two lines\"}"));
        assertThat(KeptResponse.decode(new KeptAnswer("409\napplication/problem+json\n\n{\"code\":\"x\"}")))
                .isEqualTo(new KeptResponse(409, "application/problem+json", null, "{\"code\":\"x\"}"));
        assertThat(KeptResponse.decode(new KeptAnswer("303\napplication/json\n/ui/customers/c/orders/o-2?done=order_placed")))
                .isEqualTo(new KeptResponse(303, "application/json", "/ui/customers/c/orders/o-2?done=order_placed", null));
        assertThat(KeptResponse.decode(new KeptAnswer("200\ntext/plain\n\n")))
                .isEqualTo(new KeptResponse(200, "text/plain", null, ""));
    }

    @Test
    void aHeaderWithALineBreakIsNeverKept() {
        assertThatThrownBy(() -> new KeptResponse(302, null, "/x\nSet-Cookie: a=b", null).encode())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeptResponse.decode(new KeptAnswer("201"))).isInstanceOf(IllegalStateException.class);
    }
}
