package com.cspdesk.domain.reservation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer of {@link ReservationProvisioningPolicy}: the line's provisioning (none for a line that is not a reservation), or why not. */
public sealed interface ProvisioningCheck {

    record Accepted(Optional<ReservationProvisioning> provisioning) implements ProvisioningCheck {
        public Accepted {
            Objects.requireNonNull(provisioning, "provisioning");
        }
    }

    record Refused(ProvisioningFault fault, List<String> arguments) implements ProvisioningCheck {
        public Refused {
            Objects.requireNonNull(fault, "fault");
            arguments = List.copyOf(arguments);
        }
    }
}
