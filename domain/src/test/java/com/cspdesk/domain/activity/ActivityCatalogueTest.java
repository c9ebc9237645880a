package com.cspdesk.domain.activity;

import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.cspdesk.domain.activity.PartnerCenterAuditValues.OPERATION_STATUSES;
import static com.cspdesk.domain.activity.PartnerCenterAuditValues.OPERATION_TYPES;
import static com.cspdesk.domain.activity.PartnerCenterAuditValues.RESOURCE_TYPES;
import static org.assertj.core.api.Assertions.assertThat;

class ActivityCatalogueTest {

    @Test
    void everyOperationAndResourceMapsIntoPartnerCentersLists() {
        for (Operation operation : Operation.values()) {
            assertThat(OPERATION_TYPES).as(operation.kind()).contains(operation.partnerCenterType());
            assertThat(operation.resources()).as(operation.kind()).isNotEmpty().doesNotContainNull();
            assertThat(operation.resource()).isEqualTo(operation.resources().get(0));
        }
        for (Resource resource : Resource.values()) {
            assertThat(RESOURCE_TYPES).as(resource.kind()).contains(resource.partnerCenterType());
        }
        assertThat(OPERATION_STATUSES).contains(ActivityEntry.SUCCEEDED, ActivityEntry.FAILED);
    }

    @Test
    void ourNamesAreUniqueAndAKindThatIsAPartnerCenterNameMeansThatName() {
        assertThat(Arrays.stream(Operation.values()).map(Operation::kind)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Resource.values()).map(Resource::kind)).doesNotHaveDuplicates();
        // Where our kind is spelled like a PC value, it is that value: no kind borrows a PC name for something else.
        for (Operation operation : Operation.values()) {
            if (OPERATION_TYPES.contains(operation.kind())) {
                assertThat(operation.partnerCenterType()).as(operation.kind()).isEqualTo(operation.kind());
            }
        }
        for (Resource resource : Resource.values()) {
            if (RESOURCE_TYPES.contains(resource.kind())) {
                assertThat(resource.partnerCenterType()).as(resource.kind()).isEqualTo(resource.kind());
            }
        }
    }

    @Test
    void whatACancellationACreditADownloadAndASignInAreCalled() {
        assertThat(Operation.CANCEL_ORDER.kind()).isEqualTo("cancel_order");
        assertThat(ActivityCatalogue.operationTypeOf("cancel_order")).isEqualTo("update_order");
        assertThat(ActivityCatalogue.resourceTypeOf("order")).isEqualTo("order");
        assertThat(ActivityCatalogue.operationTypeOf("issue_credit")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.resourceTypeOf("credit")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.operationTypeOf("download_software")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.resourceTypeOf("software_download")).isEqualTo("software_download_link");
        assertThat(ActivityCatalogue.operationTypeOf("sign_in")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.resourceTypeOf("user")).isEqualTo("partner_user");
        assertThat(ActivityCatalogue.operationTypeOf("enrol_mfa")).isEqualTo("update_partner_user");
        assertThat(ActivityCatalogue.resourceTypeOf("invoice_run")).isEqualTo("invoice");
        assertThat(ActivityCatalogue.operationTypeOf("register_application")).isEqualTo("register_application");
        assertThat(ActivityCatalogue.resourceTypeOf("application_credential")).isEqualTo("application_credential");
    }

    @Test
    void aKindTheCatalogueDoesNotKnowReadsAsUndefined() {
        assertThat(ActivityCatalogue.operationTypeOf("create_customer")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.operationTypeOf("Cancel_Order")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.operationTypeOf(null)).isEqualTo("undefined");
        assertThat(ActivityCatalogue.resourceTypeOf("invoice")).isEqualTo("undefined");
        assertThat(ActivityCatalogue.resourceTypeOf(null)).isEqualTo("undefined");
    }

    @Test
    void aFilterOnAPartnerCenterNameReadsEveryKindCalledSoWhateverTheCase() {
        assertThat(ActivityCatalogue.operationKindsCalled("UPDATE_ORDER", false)).containsExactly("cancel_order", "change_reservation_scope");
        assertThat(ActivityCatalogue.operationKindsCalled("update_partner_user", false))
                .containsExactlyInAnyOrder("update_partner_user", "enrol_mfa", "reset_mfa");
        assertThat(ActivityCatalogue.operationKindsCalled("_order", true)).containsExactlyInAnyOrder("create_order", "cancel_order",
                "change_reservation_scope");
        assertThat(ActivityCatalogue.operationKindsCalled("undefined", false)).contains("issue_credit", "download_software",
                "sign_in", "sign_in_locked_out", "create_service_request", "update_sandbox_clock");
        assertThat(ActivityCatalogue.operationKindsCalled("cancel_order", false)).isEmpty();
        assertThat(ActivityCatalogue.operationKindsCalled("create_customer_user", false)).isEmpty();
        assertThat(ActivityCatalogue.resourceKindsCalled("Partner_User", false)).containsExactly("user");
        assertThat(ActivityCatalogue.resourceKindsCalled("software_download_link", false))
                .containsExactlyInAnyOrder("software_download_link", "software_download");
        assertThat(ActivityCatalogue.resourceKindsCalled("undefined", false)).contains("credit", "service_request",
                "sandbox_clock", "client_address");
        assertThat(ActivityCatalogue.resourceKindsCalled("user", false)).isEmpty();
    }

    /**
     * The catalogue maps when a record is read; what is stored and hashed is our kind, as before.
     * This hash of a cancellation was computed before the catalogue existed: stored chains verify.
     */
    @Test
    void aStoredCancellationHashesAsItDidBeforeTheCatalogue() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lineItems", "1");
        data.put("creditGross", "120.00");
        ActivityEntry cancellation = new ActivityEntry(Instant.parse("2026-11-30T09:15:00.123456Z"), "cancel_order",
                "succeeded", "admin.agent@partner.demo", null, "tenant-1", "Contoso Kft.", "order", "order-1", data);

        assertThat(ActivityChain.hash(ActivityChain.GENESIS, 1, cancellation)).isEqualTo(PINNED);
        assertThat(Operation.CANCEL_ORDER.kind()).isEqualTo(cancellation.operationType());
    }

    private static final String PINNED = "0ccb94960ecb49e4deabf364349c7e9f686db27bf0d041018d6c792a24c5f77e";
}
