package com.cspdesk.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "AZURE_RESERVATION_VM, reservation",
            "AZURE_RESERVATION_SQL, reservation",
            "WINDOWS_SERVER_SUBSCRIPTION, subscription",
            "SQL_SERVER_SUBSCRIPTION, subscription",
            "PERPETUAL_SOFTWARE, perpetual",
            "SUSE_LINUX_SOFTWARE_PLAN, softwarePlan",
            "RED_HAT_SOFTWARE_PLAN, softwarePlan"})
    void every_kind_has_the_api_contract_type(ProductKind kind, String contractType) {
        assertThat(kind.contractType().code()).isEqualTo(contractType);
        assertThat(ContractType.fromCode(contractType)).contains(kind.contractType());
    }

    @Test
    void unknown_contract_type_codes_are_empty() {
        assertThat(ContractType.fromCode("lease")).isEmpty();
    }

    @Test
    void perpetual_software_has_no_term_and_the_others_one_or_three_years() {
        assertThat(ProductKind.PERPETUAL_SOFTWARE.terms()).containsExactly(TermDuration.NONE);
        assertThat(ProductKind.PERPETUAL_SOFTWARE.isSoldWith(TermDuration.P1Y)).isFalse();
        for (ProductKind kind : ProductKind.values()) {
            if (kind != ProductKind.PERPETUAL_SOFTWARE) {
                assertThat(kind.terms()).as(kind.name()).containsExactlyInAnyOrder(TermDuration.P1Y, TermDuration.P3Y);
            }
        }
    }

    @Test
    void reservations_and_plans_are_recognised() {
        assertThat(ProductKind.AZURE_RESERVATION_SQL.isAzureReservation()).isTrue();
        assertThat(ProductKind.WINDOWS_SERVER_SUBSCRIPTION.isAzureReservation()).isFalse();
        assertThat(ProductKind.RED_HAT_SOFTWARE_PLAN.isLinuxSoftwarePlan()).isTrue();
        assertThat(ProductKind.SUSE_LINUX_SOFTWARE_PLAN.isLinuxSoftwarePlan()).isTrue();
        assertThat(ProductKind.PERPETUAL_SOFTWARE.isLinuxSoftwarePlan()).isFalse();
    }

    @Test
    void term_codes_follow_the_api() {
        assertThat(TermDuration.P1Y.code()).contains("P1Y");
        assertThat(TermDuration.P3Y.code()).contains("P3Y");
        assertThat(TermDuration.NONE.code()).isEmpty();
        assertThat(TermDuration.fromCode("P3Y")).contains(TermDuration.P3Y);
        assertThat(TermDuration.fromCode("P1M")).isEmpty();
        assertThat(TermDuration.fromCode(null)).isEmpty();
        assertThat(TermDuration.NONE.hasTerm()).isFalse();
        assertThat(TermDuration.P3Y.years()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} from {1}: {2} days")
    @CsvSource({
            "P1Y, 2026-01-10, 365",
            "P1Y, 2027-03-01, 366",
            "P1Y, 2028-02-28, 366",
            "P1Y, 2028-02-29, 365",
            "P1Y, 2028-03-01, 365",
            "P3Y, 2026-01-10, 1096",
            "P3Y, 2028-03-01, 1095",
            "P3Y, 2029-03-01, 1096",
            "P3Y, 2028-02-29, 1095"})
    void term_days_follow_the_calendar(TermDuration term, LocalDate start, long days) {
        assertThat(term.daysFrom(start)).isEqualTo(days);
    }

    @Test
    void a_term_from_29_february_ends_on_28_february() {
        assertThat(TermDuration.P1Y.endAfter(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void perpetual_has_no_term_days() {
        assertThatThrownBy(() -> TermDuration.NONE.daysFrom(LocalDate.of(2026, 1, 1))).isInstanceOf(IllegalStateException.class);
    }
}
