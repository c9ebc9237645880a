package com.cspdesk.domain.catalog;

import static com.cspdesk.domain.catalog.WindowsServerEdition.DATACENTER;
import static com.cspdesk.domain.catalog.WindowsServerEdition.ESSENTIALS;
import static com.cspdesk.domain.catalog.WindowsServerEdition.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureHybridBenefitTest {

    private final AzureHybridBenefit benefit = new AzureHybridBenefit();
    private final VmReservationRates rates = new VmReservationRates(Money.of("1000.00", "EUR"), Money.of("612.34", "EUR"));

    @Test
    void datacenter_or_standard_with_software_assurance_qualifies() {
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.withSoftwareAssurance(DATACENTER)))).isTrue();
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.withSoftwareAssurance(STANDARD)))).isTrue();
    }

    @Test
    void an_active_server_subscription_counts_as_software_assurance() {
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.activeSubscription(STANDARD)))).isTrue();
    }

    @Test
    void licences_without_software_assurance_or_of_other_editions_do_not_qualify() {
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.withoutSoftwareAssurance(DATACENTER)))).isFalse();
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.withSoftwareAssurance(ESSENTIALS)))).isFalse();
        assertThat(benefit.isEligible(List.of())).isFalse();
        assertThat(benefit.isEligible(List.of(WindowsServerLicence.withoutSoftwareAssurance(STANDARD),
                WindowsServerLicence.withSoftwareAssurance(DATACENTER)))).isTrue();
    }

    @Test
    void an_eligible_vm_reservation_shows_both_rates_and_the_computed_saving() {
        HybridBenefitQuote quote = benefit.quote(ProductKind.AZURE_RESERVATION_VM,
                List.of(WindowsServerLicence.withSoftwareAssurance(DATACENTER)), rates);

        assertThat(quote).isEqualTo(new HybridBenefitQuote.WithBenefit(
                Money.of("1000.00", "EUR"), Money.of("612.34", "EUR"), Money.of("387.66", "EUR"), new BigDecimal("38.77")));
        assertThat(quote.eligible()).isTrue();
        assertThat(quote.windowsRate()).isEqualTo(Money.of("1000.00", "EUR"));
    }

    @Test
    void the_percentage_is_computed_from_the_rates_not_fixed() {
        HybridBenefitQuote quote = benefit.quote(ProductKind.AZURE_RESERVATION_VM,
                List.of(WindowsServerLicence.withSoftwareAssurance(STANDARD)),
                new VmReservationRates(Money.of("300.00", "USD"), Money.of("200.00", "USD")));

        assertThat(((HybridBenefitQuote.WithBenefit) quote).savingPercentage()).isEqualByComparingTo("33.33");
    }

    @Test
    void equal_rates_save_nothing_and_free_rates_do_not_divide_by_zero() {
        HybridBenefitQuote same = benefit.quote(ProductKind.AZURE_RESERVATION_VM, List.of(WindowsServerLicence.withSoftwareAssurance(STANDARD)),
                new VmReservationRates(Money.of("100.00", "USD"), Money.of("100.00", "USD")));
        HybridBenefitQuote free = benefit.quote(ProductKind.AZURE_RESERVATION_VM, List.of(WindowsServerLicence.withSoftwareAssurance(STANDARD)),
                new VmReservationRates(Money.of("0.00", "USD"), Money.of("0.00", "USD")));

        assertThat(((HybridBenefitQuote.WithBenefit) same).saving().isZero()).isTrue();
        assertThat(((HybridBenefitQuote.WithBenefit) free).savingPercentage()).isEqualByComparingTo("0");
    }

    @Test
    void without_a_qualifying_licence_only_the_windows_rate_applies() {
        HybridBenefitQuote quote = benefit.quote(ProductKind.AZURE_RESERVATION_VM, List.of(), rates);

        assertThat(quote).isEqualTo(new HybridBenefitQuote.WithoutBenefit(Money.of("1000.00", "EUR"),
                HybridBenefitQuote.Reason.NO_QUALIFYING_LICENCE));
        assertThat(quote.eligible()).isFalse();
        assertThat(HybridBenefitQuote.Reason.NO_QUALIFYING_LICENCE.code()).isEqualTo("no_qualifying_licence");
    }

    @Test
    void only_vm_reservations_get_the_benefit() {
        for (ProductKind kind : ProductKind.values()) {
            if (kind != ProductKind.AZURE_RESERVATION_VM) {
                HybridBenefitQuote quote = benefit.quote(kind, List.of(WindowsServerLicence.withSoftwareAssurance(DATACENTER)), rates);
                assertThat(quote).as(kind.name()).isEqualTo(new HybridBenefitQuote.WithoutBenefit(
                        Money.of("1000.00", "EUR"), HybridBenefitQuote.Reason.NOT_A_VM_RESERVATION));
            }
        }
        assertThat(HybridBenefitQuote.Reason.NOT_A_VM_RESERVATION.code()).isEqualTo("not_a_vm_reservation");
    }

    @Test
    void with_qualifying_licences_a_vm_reservation_shows_what_any_eligible_licence_gives() {
        HybridBenefitQuote shown = benefit.withQualifyingLicences(ProductKind.AZURE_RESERVATION_VM, rates);

        assertThat(shown).isEqualTo(benefit.quote(ProductKind.AZURE_RESERVATION_VM,
                List.of(WindowsServerLicence.withSoftwareAssurance(DATACENTER)), rates));
        assertThat(shown).isEqualTo(new HybridBenefitQuote.WithBenefit(
                Money.of("1000.00", "EUR"), Money.of("612.34", "EUR"), Money.of("387.66", "EUR"), new BigDecimal("38.77")));
    }

    @Test
    void with_qualifying_licences_other_kinds_still_get_no_benefit() {
        for (ProductKind kind : ProductKind.values()) {
            if (kind != ProductKind.AZURE_RESERVATION_VM) {
                assertThat(benefit.withQualifyingLicences(kind, rates)).as(kind.name()).isEqualTo(
                        new HybridBenefitQuote.WithoutBenefit(Money.of("1000.00", "EUR"), HybridBenefitQuote.Reason.NOT_A_VM_RESERVATION));
            }
        }
    }

    @Test
    void the_catalogs_rates_give_the_saving_to_the_cent() {
        // The seed's Standard_D2s_v5 Windows, 1 year, in euros and in forints (no minor unit).
        HybridBenefitQuote euro = benefit.withQualifyingLicences(ProductKind.AZURE_RESERVATION_VM,
                new VmReservationRates(Money.of("839.04", "EUR"), Money.of("503.42", "EUR")));
        HybridBenefitQuote forint = benefit.withQualifyingLicences(ProductKind.AZURE_RESERVATION_VM,
                new VmReservationRates(Money.of("328320.00", "HUF"), Money.of("196992.00", "HUF")));

        assertThat(((HybridBenefitQuote.WithBenefit) euro).saving()).isEqualTo(Money.of("335.62", "EUR"));
        assertThat(((HybridBenefitQuote.WithBenefit) euro).savingPercentage()).isEqualByComparingTo("40.00");
        assertThat(((HybridBenefitQuote.WithBenefit) forint).saving()).isEqualTo(Money.of("131328.00", "HUF"));
        assertThat(((HybridBenefitQuote.WithBenefit) forint).savingPercentage()).isEqualByComparingTo("40.00");
    }

    @Test
    void the_base_rate_lies_between_zero_and_the_windows_rate() {
        assertThatThrownBy(() -> new VmReservationRates(Money.of("100.00", "EUR"), Money.of("100.01", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VmReservationRates(Money.of("100.00", "EUR"), Money.of("-1.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VmReservationRates(Money.of("100.00", "EUR"), Money.of("50.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editions_that_qualify() {
        assertThat(DATACENTER.qualifiesForHybridBenefit()).isTrue();
        assertThat(STANDARD.qualifiesForHybridBenefit()).isTrue();
        assertThat(ESSENTIALS.qualifiesForHybridBenefit()).isFalse();
    }
}
