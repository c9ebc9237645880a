package com.cspdesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the spec's table "Azure reservations unavailable markets" by the spec's own names, copied
 * verbatim from the spec in its order (columns "A to Gi", "Gr to Pal", "Pap to Z").
 */
class AzureReservationUnavailableMarketsTest {

    /** The spec's names, verbatim, with the code each must resolve to. */
    static final List<String[]> SPEC_TABLE = List.of(
            row("Aland Islands", "AX"),
            row("American Samoa", "AS"),
            row("Andorra", "AD"),
            row("Anguilla", "AI"),
            row("Antarctica", "AQ"),
            row("Antigua and Barbuda", "AG"),
            row("Aruba", "AW"),
            row("Azerbaijan", "AZ"),
            row("Benin", "BJ"),
            row("Bhutan", "BT"),
            row("Bonaire", "BQ"),
            row("Bouvet Island", "BV"),
            row("British Indian Ocean Territory", "IO"),
            row("British Virgin Islands", "VG"),
            row("Burkina Faso", "BF"),
            row("Burundi", "BI"),
            row("Cambodia", "KH"),
            row("Central African Republic", "CF"),
            row("Chad", "TD"),
            row("China", "CN"),
            row("Christmas Island", "CX"),
            row("Cocos (Keeling) Islands", "CC"),
            row("Comoros", "KM"),
            row("Congo", "CG"),
            row("Congo (DRC)", "CD"),
            row("Cook Islands", "CK"),
            row("Djibouti", "DJ"),
            row("Dominica", "DM"),
            row("Equatorial Guinea", "GQ"),
            row("Eritrea", "ER"),
            row("Falkland Islands", "FK"),
            row("French Guiana", "GF"),
            row("French Polynesia", "PF"),
            row("French Southern Territories", "TF"),
            row("Gabon", "GA"),
            row("Gambia", "GM"),
            row("Gibraltar", "GI"),
            row("Greenland", "GL"),
            row("Grenada", "GD"),
            row("Guadeloupe", "GP"),
            row("Guam", "GU"),
            row("Guernsey", "GG"),
            row("Guinea", "GN"),
            row("Guinea-Bissau", "GW"),
            row("Guyana", "GY"),
            row("Haiti", "HT"),
            row("Heard Island and McDonald Islands", "HM"),
            row("Isle of Man", "IM"),
            row("Jan Mayen", "SJ"),
            row("Jersey", "JE"),
            row("Kiribati", "KI"),
            row("Kosovo", "XK"),
            row("Laos", "LA"),
            row("Lesotho", "LS"),
            row("Liberia", "LR"),
            row("Madagascar", "MG"),
            row("Malawi", "MW"),
            row("Maldives", "MV"),
            row("Mali", "ML"),
            row("Marshall Islands", "MH"),
            row("Martinique", "MQ"),
            row("Mauritania", "MR"),
            row("Mayotte", "YT"),
            row("Micronesia", "FM"),
            row("Montserrat", "MS"),
            row("Mozambique", "MZ"),
            row("Myanmar", "MM"),
            row("Nauru", "NR"),
            row("New Caledonia", "NC"),
            row("Niger", "NE"),
            row("Niue", "NU"),
            row("Norfolk Island", "NF"),
            row("Northern Mariana Islands", "MP"),
            row("Palau", "PW"),
            row("Papua New Guinea", "PG"),
            row("Pitcairn Islands", "PN"),
            row("Reunion", "RE"),
            row("Saba", "BQ"),
            row("Saint Barthélemy", "BL"),
            row("Saint Lucia", "LC"),
            row("Saint Martin", "MF"),
            row("Saint Pierre and Miquelon", "PM"),
            row("Saint Vincent and the Grenadines", "VC"),
            row("Samoa", "WS"),
            row("San Marino", "SM"),
            row("São Tomé and Príncipe", "ST"),
            row("Seychelles", "SC"),
            row("Sierra Leone", "SL"),
            row("Sint Eustatius", "BQ"),
            row("Sint Maarten", "SX"),
            row("Solomon Islands", "SB"),
            row("Somalia", "SO"),
            row("South Georgia and South Sandwich Islands", "GS"),
            row("South Sudan", "SS"),
            row("St Helena, Ascension, Tristan da Cunha", "SH"),
            row("Suriname", "SR"),
            row("Svalbard", "SJ"),
            row("Swaziland", "SZ"),
            row("Timor-Leste", "TL"),
            row("Togo", "TG"),
            row("Tokelau", "TK"),
            row("Tonga", "TO"),
            row("Turks and Caicos Islands", "TC"),
            row("Tuvalu", "TV"),
            row("U.S. Outlying Islands", "UM"),
            row("Vanuatu", "VU"),
            row("Vatican City", "VA"),
            row("Wallis and Futuna", "WF"),
            row("Yemen", "YE")
    );

    static Stream<Arguments> specTable() {
        return SPEC_TABLE.stream().map(row -> Arguments.of(row[0], row[1]));
    }

    private static String[] row(String specName, String code) {
        return new String[] {specName, code};
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("specTable")
    void every_spec_name_resolves_to_its_code(String specName, String code) {
        assertThat(AzureReservationUnavailableMarkets.bySpecName()).containsEntry(specName, Market.of(code));
    }

    @ParameterizedTest(name = "no Azure reservations in {0} ({1})")
    @MethodSource("specTable")
    void azure_reservations_are_unavailable_in_every_spec_market(String specName, String code) {
        MarketAvailability availability = AzureReservationAvailability.asInSpec().check(Market.of(code));

        assertThat(availability).isEqualTo(MarketAvailability.unavailable(Market.of(code)));
        assertThat(((MarketAvailability.Unavailable) availability).code()).isEqualTo("market_unavailable");
    }

    @Test
    void the_table_holds_exactly_the_spec_names_in_the_spec_order() {
        assertThat(AzureReservationUnavailableMarkets.bySpecName().keySet())
                .containsExactlyElementsOf(SPEC_TABLE.stream().map(row -> row[0]).toList());
        assertThat(SPEC_TABLE).hasSize(109);
    }

    @Test
    void names_that_share_a_code_give_106_distinct_markets() {
        assertThat(AzureReservationUnavailableMarkets.markets()).hasSize(106);
        assertThat(AzureReservationUnavailableMarkets.bySpecName())
                .containsEntry("Bonaire", Market.of("BQ"))
                .containsEntry("Saba", Market.of("BQ"))
                .containsEntry("Sint Eustatius", Market.of("BQ"))
                .containsEntry("Svalbard", Market.of("SJ"))
                .containsEntry("Jan Mayen", Market.of("SJ"));
    }

    @Test
    void spec_spelling_with_accents_is_kept() {
        assertThat(AzureReservationUnavailableMarkets.bySpecName())
                .containsEntry("Saint Barth\u00e9lemy", Market.of("BL"))
                .containsEntry("S\u00e3o Tom\u00e9 and Pr\u00edncipe", Market.of("ST"));
    }

    @Test
    void names_not_in_the_spec_are_not_in_the_table() {
        assertThat(AzureReservationUnavailableMarkets.bySpecName()).doesNotContainKeys("Macao", "Eswatini", "Brazil");
        assertThat(AzureReservationUnavailableMarkets.markets()).doesNotContain(Market.of("MO"), Market.of("BR"), Market.of("RU"));
    }

    @Test
    void the_table_cannot_be_changed_from_outside() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AzureReservationUnavailableMarkets.bySpecName().put("Hungary", Market.of("HU")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
