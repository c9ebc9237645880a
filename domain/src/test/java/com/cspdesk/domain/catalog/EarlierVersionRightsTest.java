package com.cspdesk.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EarlierVersionRightsTest {

    private static final ProductFamily SQL_SERVER = ProductFamily.of("SQL Server", "2017", "2019", "2022");
    private final EarlierVersionRights rights = new EarlierVersionRights();

    private static SoftwareSku sqlServer(String version) {
        return new SoftwareSku(SQL_SERVER, SoftwareVersion.of(version), Set.of(SoftwareLanguage.of("en-US")), Set.of(Bitness.X64));
    }

    @Test
    void buying_2022_entitles_to_2022_2019_and_2017() {
        assertThat(rights.entitledVersions(sqlServer("2022"))).extracting(SoftwareVersion::name).containsExactly("2022", "2019", "2017");
    }

    @Test
    void buying_an_earlier_version_entitles_to_that_and_older_ones_only() {
        assertThat(rights.entitledVersions(sqlServer("2019"))).extracting(SoftwareVersion::name).containsExactly("2019", "2017");
        assertThat(rights.entitledVersions(sqlServer("2017"))).extracting(SoftwareVersion::name).containsExactly("2017");
        assertThat(rights.entitles(sqlServer("2019"), SoftwareVersion.of("2022"))).isFalse();
    }

    @Test
    void versions_outside_the_family_are_not_entitled() {
        assertThat(rights.entitles(sqlServer("2022"), SoftwareVersion.of("2016"))).isFalse();
        assertThat(rights.entitles(sqlServer("2022"), SoftwareVersion.of("2017"))).isTrue();
    }
}
