package com.cspdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.order.OrderPlacement.Part;
import com.cspdesk.domain.order.OrderPlacement.Reason;
import com.cspdesk.domain.reservation.ProvisioningCheck;
import com.cspdesk.domain.reservation.ProvisioningFault;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A line's provisioning context refused by the reservation policy is an order refusal about that line and key. */
class OrderPlacementProvisioningTest {

    @Test
    void every_fault_is_bad_input_about_its_key() {
        for (ProvisioningFault fault : ProvisioningFault.values()) {
            Reason reason = Reason.of(fault);
            assertThat(reason.code()).isEqualTo(fault.code());
            assertThat(reason.businessRule()).isFalse();
            Part expected = switch (fault.key()) {
                case "" -> Part.PROVISIONING_CONTEXT;
                case "subscriptionId" -> Part.PROVISIONING_SUBSCRIPTION_ID;
                case "scope" -> Part.PROVISIONING_SCOPE;
                case "resourceGroup" -> Part.PROVISIONING_RESOURCE_GROUP;
                case "duration" -> Part.PROVISIONING_DURATION;
                default -> throw new AssertionError(fault.key());
            };
            assertThat(reason.part()).isEqualTo(expected);
        }
    }

    @Test
    void the_refusal_names_the_line_and_keeps_the_arguments() {
        OrderPlacement.Refused refused = OrderPlacement.Refused.ofContext(2,
                new ProvisioningCheck.Refused(ProvisioningFault.DURATION_MISMATCH, List.of("3Years")));

        assertThat(refused).isEqualTo(new OrderPlacement.Refused(Reason.RESERVATION_DURATION_MISMATCH, OptionalInt.of(2), List.of("3Years")));
    }
}
