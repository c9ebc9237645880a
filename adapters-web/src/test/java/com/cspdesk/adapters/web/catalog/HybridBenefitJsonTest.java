package com.cspdesk.adapters.web.catalog;

import com.cspdesk.domain.catalog.AzureHybridBenefit;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.VmReservationRates;
import com.cspdesk.domain.money.Money;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #16: the Azure Hybrid Benefit beside an availability, as the domain computes it. */
class HybridBenefitJsonTest {

    private final AzureHybridBenefit benefit = new AzureHybridBenefit();
    private final VmReservationRates rates = new VmReservationRates(Money.of("839.04", "EUR"), Money.of("503.42", "EUR"));

    private static Map<String, Object> json(Object value) throws IOException {
        ObjectMapper mapper = ObjectMapper.getDefault();
        return mapper.readValue(mapper.writeValueAsString(value), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void aVmReservationShowsBothRatesAndTheSaving() throws IOException {
        Map<String, Object> shown = json(CatalogResponses.HybridBenefit.of(
                benefit.withQualifyingLicences(ProductKind.AZURE_RESERVATION_VM, rates)));

        assertThat(shown).isEqualTo(Map.of("applies", true,
                "windowsRate", Map.of("amount", "839.04", "currency", "EUR"),
                "baseComputeRate", Map.of("amount", "503.42", "currency", "EUR"),
                "saving", Map.of("amount", "335.62", "currency", "EUR"),
                "savingPercentage", "40.00"));
    }

    @Test
    void withoutTheBenefitOnlyTheWindowsRateAndTheReasonAreWritten() throws IOException {
        Map<String, Object> shown = json(CatalogResponses.HybridBenefit.of(
                benefit.withQualifyingLicences(ProductKind.AZURE_RESERVATION_SQL, rates)));

        assertThat(shown).isEqualTo(Map.of("applies", false,
                "windowsRate", Map.of("amount", "839.04", "currency", "EUR"),
                "reason", "not_a_vm_reservation"));
    }
}
