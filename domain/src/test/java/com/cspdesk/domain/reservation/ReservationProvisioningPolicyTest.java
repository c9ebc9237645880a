package com.cspdesk.domain.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservationProvisioningPolicyTest {

    private static final String SUBSCRIPTION = "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70";

    private final ReservationProvisioningPolicy policy = new ReservationProvisioningPolicy();

    private static Map<String, String> context(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static ReservationProvisioning accepted(ProvisioningCheck check) {
        assertThat(check).isInstanceOf(ProvisioningCheck.Accepted.class);
        return ((ProvisioningCheck.Accepted) check).provisioning().orElseThrow();
    }

    private static void refused(ProvisioningCheck check, ProvisioningFault fault, String... arguments) {
        assertThat(check).isEqualTo(new ProvisioningCheck.Refused(fault, List.of(arguments)));
    }

    @Nested
    class WhichLinesHaveAContext {

        @Test
        void a_vm_or_sql_reservation_needs_one_and_an_empty_map_is_none() {
            for (ProductKind kind : List.of(ProductKind.AZURE_RESERVATION_VM, ProductKind.AZURE_RESERVATION_SQL)) {
                refused(policy.forLine(kind, TermDuration.P1Y, null), ProvisioningFault.CONTEXT_REQUIRED);
                refused(policy.forLine(kind, TermDuration.P1Y, Map.of()), ProvisioningFault.CONTEXT_REQUIRED);
            }
        }

        @Test
        void any_other_line_has_none() {
            assertThat(policy.forLine(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, null))
                    .isEqualTo(new ProvisioningCheck.Accepted(Optional.empty()));
            assertThat(policy.forLine(ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y, Map.of()))
                    .isEqualTo(new ProvisioningCheck.Accepted(Optional.empty()));
            refused(policy.forLine(ProductKind.SUSE_LINUX_SOFTWARE_PLAN, TermDuration.P1Y, context("scope", "shared")),
                    ProvisioningFault.CONTEXT_NOT_ALLOWED);
        }
    }

    @Nested
    class ThePartnerCenterShape {

        @Test
        void shared_with_partner_centers_keys_and_duration() {
            ReservationProvisioning provisioning = accepted(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y,
                    context("subscriptionId", SUBSCRIPTION, "scope", "shared", "duration", "1Year")));

            assertThat(provisioning).isEqualTo(new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SHARED, Optional.empty()));
        }

        @Test
        void keys_scope_and_duration_ignore_case_and_the_guid_is_kept_in_lower_case() {
            ReservationProvisioning provisioning = accepted(policy.forLine(ProductKind.AZURE_RESERVATION_SQL, TermDuration.P3Y,
                    context("SubscriptionId", SUBSCRIPTION.toUpperCase(), "Scope", "Single", "ResourceGroup", " rg-web.01(eu) ",
                            "Duration", "3years", "somethingElse", "ignored")));

            assertThat(provisioning).isEqualTo(new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SINGLE, Optional.of("rg-web.01(eu)")));
        }

        @Test
        void the_duration_is_optional_but_must_be_the_skus_term() {
            accepted(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P3Y, context("subscriptionId", SUBSCRIPTION, "scope", "shared")));
            refused(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P3Y,
                    context("subscriptionId", SUBSCRIPTION, "scope", "shared", "duration", "1Year")), ProvisioningFault.DURATION_MISMATCH, "3Years");
            refused(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y,
                    context("subscriptionId", SUBSCRIPTION, "scope", "shared", "duration", "12Months")), ProvisioningFault.DURATION_MISMATCH, "1Year");
        }

        @Test
        void the_first_fault_wins_in_the_order_of_the_keys() {
            refused(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y,
                    context("subscriptionId", "nope", "scope", "everywhere", "duration", "3Years")), ProvisioningFault.SUBSCRIPTION_ID_INVALID);
            refused(policy.forLine(ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y,
                    context("subscriptionId", SUBSCRIPTION, "scope", "everywhere", "duration", "3Years")), ProvisioningFault.SCOPE_INVALID);
        }
    }

    @Nested
    class TheParts {

        @ParameterizedTest
        @ValueSource(strings = {"", "5a3c8b4e0c2f4d6e9f1a2b3c4d5e6f70", "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f7", "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f7g",
                "{5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70}"})
        void a_subscription_id_is_a_guid(String value) {
            refused(policy.provisioning(value, "shared", null), ProvisioningFault.SUBSCRIPTION_ID_INVALID);
        }

        @Test
        void a_missing_subscription_id_or_scope_is_refused() {
            refused(policy.provisioning(null, "shared", null), ProvisioningFault.SUBSCRIPTION_ID_INVALID);
            refused(policy.provisioning(SUBSCRIPTION, null, null), ProvisioningFault.SCOPE_INVALID);
            refused(policy.provisioning(SUBSCRIPTION, "", null), ProvisioningFault.SCOPE_INVALID);
        }

        @Test
        void a_resource_group_is_named_exactly_for_the_single_scope_and_blank_is_none() {
            refused(policy.provisioning(SUBSCRIPTION, "single", null), ProvisioningFault.RESOURCE_GROUP_REQUIRED);
            refused(policy.provisioning(SUBSCRIPTION, "single", "  "), ProvisioningFault.RESOURCE_GROUP_REQUIRED);
            refused(policy.provisioning(SUBSCRIPTION, "shared", "rg"), ProvisioningFault.RESOURCE_GROUP_NOT_ALLOWED);
            assertThat(accepted(policy.provisioning(SUBSCRIPTION, "shared", " ")).resourceGroup()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "Production_EU-1", "rg.(test)", "Ressourcengruppe-Größe", "x.y"})
        void azures_resource_group_names_are_accepted(String name) {
            assertThat(accepted(policy.provisioning(SUBSCRIPTION, "single", name)).resourceGroup()).contains(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ends-with-a-period.", "has space", "slash/no", "hash#", "star*", "comma,"})
        void other_names_are_refused(String name) {
            refused(policy.provisioning(SUBSCRIPTION, "single", name), ProvisioningFault.RESOURCE_GROUP_INVALID, "90");
        }

        @Test
        void a_resource_group_name_has_at_most_90_characters() {
            assertThat(accepted(policy.provisioning(SUBSCRIPTION, "single", "r".repeat(90))).resourceGroup()).contains("r".repeat(90));
            refused(policy.provisioning(SUBSCRIPTION, "single", "r".repeat(91)), ProvisioningFault.RESOURCE_GROUP_INVALID, "90");
        }

        @Test
        void durations_are_written_as_partner_center_does() {
            assertThat(ReservationProvisioningPolicy.duration(TermDuration.P1Y)).isEqualTo("1Year");
            assertThat(ReservationProvisioningPolicy.duration(TermDuration.P3Y)).isEqualTo("3Years");
            assertThatThrownBy(() -> ReservationProvisioningPolicy.duration(TermDuration.NONE)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TheValue {

        @Test
        void refuses_what_the_policy_never_builds() {
            assertThatThrownBy(() -> new ReservationProvisioning("nope", ReservationScope.SHARED, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReservationProvisioning(SUBSCRIPTION.toUpperCase(), ReservationScope.SHARED, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SINGLE, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SHARED, Optional.of("rg")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SINGLE, Optional.of("bad.")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void scopes_parse_in_any_case_and_nothing_else() {
            assertThat(ReservationScope.parse(" SHARED ")).contains(ReservationScope.SHARED);
            assertThat(ReservationScope.parse("Single")).contains(ReservationScope.SINGLE);
            assertThat(ReservationScope.parse("managementGroup")).isEmpty();
            assertThat(ReservationScope.parse(null)).isEmpty();
            assertThat(ReservationScope.SINGLE.code()).isEqualTo("single");
        }
    }
}
