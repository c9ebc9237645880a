package com.cspdesk.adapters.web.cancellation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupportRequestLinkTest {

    @Test
    void theLinkNamesTheCustomerAndTheOrderEncoded() {
        assertThat(CancellationController.supportRequestUri("5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40", " ord 1&x=2 "))
                .isEqualTo("/v1/servicerequests/template?customerId=5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40&orderId=ord+1%26x%3D2");
    }
}
