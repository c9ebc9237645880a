package com.cspdesk.domain.reservation;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issue #16 "Reservations provisioned": whether an order line's {@code provisioningContext} (Partner Center's
 * string map) is valid for what the line buys, and whether a later change of scope is.
 * <ul>
 *   <li>An Azure reservation (VM or SQL) needs a context; any other line has none (an empty map is none).</li>
 *   <li>Keys are read ignoring case ({@code subscriptionId}, {@code SubscriptionId}), as Partner Center does;
 *       keys the desk does not know are ignored.</li>
 *   <li>{@code subscriptionId}: a GUID (stored in lower case). {@code scope}: {@code shared} or {@code single},
 *       any case. {@code resourceGroup}: required exactly for {@code single}, by Azure's naming rules (1 to
 *       {@value #RESOURCE_GROUP_MAX} letters, digits, underscores, hyphens, periods and parentheses, not ending
 *       in a period). {@code duration} (optional, as Partner Center sends it): {@code 1Year} or {@code 3Years},
 *       any case, and the SKU's term.</li>
 *   <li>The first fault wins, in that order of keys.</li>
 * </ul>
 */
public final class ReservationProvisioningPolicy {

    public static final String SUBSCRIPTION_ID = "subscriptionId";
    public static final String SCOPE = "scope";
    public static final String RESOURCE_GROUP = "resourceGroup";
    public static final String DURATION = "duration";
    public static final int RESOURCE_GROUP_MAX = 90;

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RESOURCE_GROUP_NAME = Pattern.compile("[\\p{L}\\p{Nd}_\\-.()]{1," + RESOURCE_GROUP_MAX + "}");

    /** Whether {@code value} is a GUID ({@code 8-4-4-4-12} hexadecimal digits, any case). */
    public static boolean isSubscriptionId(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    /** Whether {@code name} follows Azure's resource group naming rules. */
    public static boolean isResourceGroupName(String name) {
        return name != null && RESOURCE_GROUP_NAME.matcher(name).matches() && !name.endsWith(".");
    }

    /** The duration as Partner Center writes it for a term: {@code 1Year}, {@code 3Years}. */
    public static String duration(TermDuration term) {
        if (!term.hasTerm()) {
            throw new IllegalArgumentException("perpetual software has no duration");
        }
        return term.years() == 1 ? "1Year" : term.years() + "Years";
    }

    /** The context of a line buying {@code kind} for {@code term}; {@code context} may be null (none sent). */
    public ProvisioningCheck forLine(ProductKind kind, TermDuration term, Map<String, String> context) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        boolean sent = context != null && !context.isEmpty();
        if (!kind.isAzureReservation()) {
            return sent ? refused(ProvisioningFault.CONTEXT_NOT_ALLOWED) : new ProvisioningCheck.Accepted(Optional.empty());
        }
        if (!sent) {
            return refused(ProvisioningFault.CONTEXT_REQUIRED);
        }
        ProvisioningCheck check = provisioning(value(context, SUBSCRIPTION_ID), value(context, SCOPE), value(context, RESOURCE_GROUP));
        if (check instanceof ProvisioningCheck.Refused) {
            return check;
        }
        String duration = value(context, DURATION);
        if (duration != null && !duration.isBlank() && !duration.strip().equalsIgnoreCase(duration(term))) {
            return refused(ProvisioningFault.DURATION_MISMATCH, duration(term));
        }
        return check;
    }

    /**
     * Where a reservation applies, from its parts (any may be null): the subscription, the scope, and the
     * resource group (blank counts as none).
     */
    public ProvisioningCheck provisioning(String subscriptionId, String scope, String resourceGroup) {
        if (!isSubscriptionId(subscriptionId == null ? null : subscriptionId.strip())) {
            return refused(ProvisioningFault.SUBSCRIPTION_ID_INVALID);
        }
        Optional<ReservationScope> parsed = ReservationScope.parse(scope);
        if (parsed.isEmpty()) {
            return refused(ProvisioningFault.SCOPE_INVALID);
        }
        Optional<String> group = Optional.ofNullable(resourceGroup).map(String::strip).filter(name -> !name.isEmpty());
        if (parsed.get() == ReservationScope.SINGLE && group.isEmpty()) {
            return refused(ProvisioningFault.RESOURCE_GROUP_REQUIRED);
        }
        if (parsed.get() == ReservationScope.SHARED && group.isPresent()) {
            return refused(ProvisioningFault.RESOURCE_GROUP_NOT_ALLOWED);
        }
        if (group.isPresent() && !isResourceGroupName(group.get())) {
            return refused(ProvisioningFault.RESOURCE_GROUP_INVALID, String.valueOf(RESOURCE_GROUP_MAX));
        }
        return new ProvisioningCheck.Accepted(Optional.of(new ReservationProvisioning(
                subscriptionId.strip().toLowerCase(Locale.ROOT), parsed.get(), group)));
    }

    private static String value(Map<String, String> context, String key) {
        return context.entrySet().stream().filter(entry -> key.equalsIgnoreCase(entry.getKey() == null ? null : entry.getKey().strip()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static ProvisioningCheck.Refused refused(ProvisioningFault fault, String... arguments) {
        return new ProvisioningCheck.Refused(fault, List.of(arguments));
    }
}
