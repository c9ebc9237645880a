package com.cspdesk.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareSkuTest {

    private static final ProductFamily SQL_SERVER = ProductFamily.of("SQL Server", "2017", "2019", "2022");

    @Test
    void languages_are_bcp47_tags_in_canonical_case() {
        assertThat(SoftwareLanguage.of("en-us").tag()).isEqualTo("en-US");
        assertThat(SoftwareLanguage.of("HU-hu")).isEqualTo(SoftwareLanguage.of("hu-HU"));
        assertThat(SoftwareLanguage.of("de-DE")).hasToString("de-DE");
        assertThat(SoftwareLanguage.of("es-419").tag()).isEqualTo("es-419");
        assertThat(SoftwareLanguage.of("zh-Hans-CN").tag()).isEqualTo("zh-Hans-CN");
        assertThat(SoftwareLanguage.of("sv").locale().getLanguage()).isEqualTo("sv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en_US", "xx-US", "en-ZZ", "123", "english", "x-private"})
    void malformed_or_unknown_languages_are_refused(String tag) {
        assertThatThrownBy(() -> SoftwareLanguage.of(tag)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bitness_codes() {
        assertThat(Bitness.fromCode("x64")).contains(Bitness.X64);
        assertThat(Bitness.fromCode(" X86 ")).contains(Bitness.X86);
        assertThat(Bitness.fromCode("arm64")).contains(Bitness.ARM64);
        assertThat(Bitness.fromCode("ia64")).isEmpty();
        assertThat(Bitness.fromCode(null)).isEmpty();
        assertThat(Bitness.ARM64.code()).isEqualTo("arm64");
    }

    @Test
    void versions_have_names() {
        assertThat(SoftwareVersion.of(" 2022 ")).isEqualTo(SoftwareVersion.of("2022")).hasToString("2022");
        assertThatThrownBy(() -> SoftwareVersion.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_family_lists_distinct_versions_oldest_first() {
        assertThat(SQL_SERVER.versionsOldestFirst()).extracting(SoftwareVersion::name).containsExactly("2017", "2019", "2022");
        assertThat(SQL_SERVER.offers(SoftwareVersion.of("2019"))).isTrue();
        assertThat(SQL_SERVER.offers(SoftwareVersion.of("2016"))).isFalse();
        assertThatThrownBy(() -> ProductFamily.of("SQL Server")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductFamily.of(" ", "2022")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductFamily.of("SQL Server", "2019", "2019")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_sku_offers_a_version_of_its_family_in_at_least_one_language_and_bitness() {
        SoftwareSku sku = new SoftwareSku(SQL_SERVER, SoftwareVersion.of("2022"), Set.of(SoftwareLanguage.of("en-US")), Set.of(Bitness.X64));

        assertThat(sku.languages()).containsExactly(SoftwareLanguage.of("en-US"));
        assertThatThrownBy(() -> new SoftwareSku(SQL_SERVER, SoftwareVersion.of("2016"), Set.of(SoftwareLanguage.of("en-US")), Set.of(Bitness.X64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SoftwareSku(SQL_SERVER, SoftwareVersion.of("2022"), Set.of(), Set.of(Bitness.X64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SoftwareSku(SQL_SERVER, SoftwareVersion.of("2022"), Set.of(SoftwareLanguage.of("en-US")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void family_lists_cannot_be_changed_from_outside() {
        assertThatThrownBy(() -> SQL_SERVER.versionsOldestFirst().add(SoftwareVersion.of("2025")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ProductFamily("Windows Server", List.of(SoftwareVersion.of("2019"))).name()).isEqualTo("Windows Server");
    }
}
