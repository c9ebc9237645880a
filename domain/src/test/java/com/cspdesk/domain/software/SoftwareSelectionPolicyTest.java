package com.cspdesk.domain.software;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.catalog.SoftwareVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoftwareSelectionPolicyTest {

    private static final SoftwareSku SQL_SERVER_2022 = new SoftwareSku(
            ProductFamily.of("SQL Server", "2017", "2019", "2022"),
            SoftwareVersion.of("2022"),
            Set.of(SoftwareLanguage.of("en-US"), SoftwareLanguage.of("de-DE"), SoftwareLanguage.of("hu-HU")),
            Set.of(Bitness.X64));

    private final SoftwareSelectionPolicy policy = SoftwareSelectionPolicy.withEarlierVersionRights();

    private static SoftwareSelection select(String version, String language, Bitness bitness) {
        return new SoftwareSelection(SoftwareVersion.of(version), SoftwareLanguage.of(language), bitness);
    }

    @Test
    void the_purchased_version_in_an_offered_language_and_bitness_is_offered() {
        SoftwareSelection selection = select("2022", "hu-HU", Bitness.X64);

        assertThat(policy.check(SQL_SERVER_2022, selection)).isEqualTo(new SelectionDecision.Offered(selection));
    }

    @Test
    void earlier_versions_are_offered_too() {
        assertThat(policy.check(SQL_SERVER_2022, select("2019", "de-DE", Bitness.X64)).offered()).isTrue();
        assertThat(policy.check(SQL_SERVER_2022, select("2017", "en-US", Bitness.X64)).offered()).isTrue();
    }

    @Test
    void versions_outside_the_rights_are_refused() {
        SoftwareSelection selection = select("2016", "en-US", Bitness.X64);

        assertThat(policy.check(SQL_SERVER_2022, selection))
                .isEqualTo(new SelectionDecision.NotOffered(selection, SelectionDecision.Reason.VERSION_NOT_ENTITLED));
    }

    @Test
    void languages_and_bitness_the_sku_lacks_are_refused() {
        assertThat(policy.check(SQL_SERVER_2022, select("2022", "pl-PL", Bitness.X64)))
                .extracting(decision -> ((SelectionDecision.NotOffered) decision).reason())
                .isEqualTo(SelectionDecision.Reason.LANGUAGE_NOT_OFFERED);
        assertThat(policy.check(SQL_SERVER_2022, select("2022", "en-US", Bitness.X86)))
                .extracting(decision -> ((SelectionDecision.NotOffered) decision).reason())
                .isEqualTo(SelectionDecision.Reason.BITNESS_NOT_OFFERED);
        assertThat(policy.check(SQL_SERVER_2022, select("2022", "en-US", Bitness.ARM64)).offered()).isFalse();
    }

    @Test
    void the_version_is_checked_first() {
        assertThat(policy.check(SQL_SERVER_2022, select("2012", "pl-PL", Bitness.X86)))
                .extracting(decision -> ((SelectionDecision.NotOffered) decision).reason())
                .isEqualTo(SelectionDecision.Reason.VERSION_NOT_ENTITLED);
    }

    @Test
    void reason_codes_are_stable() {
        assertThat(SelectionDecision.Reason.VERSION_NOT_ENTITLED.code()).isEqualTo("version_not_entitled");
        assertThat(SelectionDecision.Reason.LANGUAGE_NOT_OFFERED.code()).isEqualTo("language_not_offered");
        assertThat(SelectionDecision.Reason.BITNESS_NOT_OFFERED.code()).isEqualTo("bitness_not_offered");
    }
}
