package com.cspdesk.domain.market;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spec "Azure reservations unavailable markets": the spec's table as data, name (the spec's own spelling) to market code.
 *
 * <p>The names are copied verbatim from the spec, in its order (three alphabetical columns: "A to Gi",
 * "Gr to Pal", "Pap to Z"), so a reader can find every entry by the spec's word. Some entries share
 * one code (Bonaire, Saba and Sint Eustatius are all BQ; Svalbard and Jan Mayen are both SJ), so 109
 * names give 106 codes. Kosovo has no ISO code and uses the user-assigned XK. Names that changed since
 * the spec was written keep the spec's spelling here (Swaziland is Eswatini, still SZ).
 *
 * <p>Anchor facts note that other Microsoft pages list more markets (Brazil, Russia): such
 * differences are configuration, see {@link AzureReservationAvailability#AzureReservationAvailability(Set, Set, Set)}.
 */
public final class AzureReservationUnavailableMarkets {

    private static final Map<String, Market> BY_SPEC_NAME = new LinkedHashMap<>();

    static {
        // Column "A to Gi"
        entry("Aland Islands", "AX"); // Åland Islands
        entry("American Samoa", "AS");
        entry("Andorra", "AD");
        entry("Anguilla", "AI");
        entry("Antarctica", "AQ");
        entry("Antigua and Barbuda", "AG");
        entry("Aruba", "AW");
        entry("Azerbaijan", "AZ");
        entry("Benin", "BJ");
        entry("Bhutan", "BT");
        entry("Bonaire", "BQ"); // Bonaire, Sint Eustatius and Saba share BQ
        entry("Bouvet Island", "BV");
        entry("British Indian Ocean Territory", "IO");
        entry("British Virgin Islands", "VG"); // ISO name: Virgin Islands (British)
        entry("Burkina Faso", "BF");
        entry("Burundi", "BI");
        entry("Cambodia", "KH");
        entry("Central African Republic", "CF");
        entry("Chad", "TD");
        entry("China", "CN");
        entry("Christmas Island", "CX");
        entry("Cocos (Keeling) Islands", "CC");
        entry("Comoros", "KM");
        entry("Congo", "CG"); // Republic of the Congo
        entry("Congo (DRC)", "CD"); // Democratic Republic of the Congo
        entry("Cook Islands", "CK");
        entry("Djibouti", "DJ");
        entry("Dominica", "DM");
        entry("Equatorial Guinea", "GQ");
        entry("Eritrea", "ER");
        entry("Falkland Islands", "FK"); // ISO name: Falkland Islands (Malvinas)
        entry("French Guiana", "GF");
        entry("French Polynesia", "PF");
        entry("French Southern Territories", "TF");
        entry("Gabon", "GA");
        entry("Gambia", "GM");
        entry("Gibraltar", "GI");
        // Column "Gr to Pal"
        entry("Greenland", "GL");
        entry("Grenada", "GD");
        entry("Guadeloupe", "GP");
        entry("Guam", "GU");
        entry("Guernsey", "GG");
        entry("Guinea", "GN");
        entry("Guinea-Bissau", "GW");
        entry("Guyana", "GY");
        entry("Haiti", "HT");
        entry("Heard Island and McDonald Islands", "HM");
        entry("Isle of Man", "IM");
        entry("Jan Mayen", "SJ"); // Svalbard and Jan Mayen share SJ
        entry("Jersey", "JE");
        entry("Kiribati", "KI");
        entry("Kosovo", "XK"); // no ISO code: user-assigned XK
        entry("Laos", "LA"); // Lao People's Democratic Republic
        entry("Lesotho", "LS");
        entry("Liberia", "LR");
        entry("Madagascar", "MG");
        entry("Malawi", "MW");
        entry("Maldives", "MV");
        entry("Mali", "ML");
        entry("Marshall Islands", "MH");
        entry("Martinique", "MQ");
        entry("Mauritania", "MR");
        entry("Mayotte", "YT");
        entry("Micronesia", "FM"); // Federated States of Micronesia
        entry("Montserrat", "MS");
        entry("Mozambique", "MZ");
        entry("Myanmar", "MM"); // formerly Burma
        entry("Nauru", "NR");
        entry("New Caledonia", "NC");
        entry("Niger", "NE");
        entry("Niue", "NU");
        entry("Norfolk Island", "NF");
        entry("Northern Mariana Islands", "MP");
        entry("Palau", "PW");
        // Column "Pap to Z"
        entry("Papua New Guinea", "PG");
        entry("Pitcairn Islands", "PN"); // ISO name: Pitcairn
        entry("Reunion", "RE"); // Réunion
        entry("Saba", "BQ"); // shares BQ with Bonaire and Sint Eustatius
        entry("Saint Barthélemy", "BL");
        entry("Saint Lucia", "LC");
        entry("Saint Martin", "MF"); // French part; Sint Maarten is SX
        entry("Saint Pierre and Miquelon", "PM");
        entry("Saint Vincent and the Grenadines", "VC");
        entry("Samoa", "WS");
        entry("San Marino", "SM");
        entry("São Tomé and Príncipe", "ST");
        entry("Seychelles", "SC");
        entry("Sierra Leone", "SL");
        entry("Sint Eustatius", "BQ"); // shares BQ with Bonaire and Saba
        entry("Sint Maarten", "SX"); // Dutch part; Saint Martin is MF
        entry("Solomon Islands", "SB");
        entry("Somalia", "SO");
        entry("South Georgia and South Sandwich Islands", "GS");
        entry("South Sudan", "SS");
        entry("St Helena, Ascension, Tristan da Cunha", "SH"); // one code for the three
        entry("Suriname", "SR");
        entry("Svalbard", "SJ"); // shares SJ with Jan Mayen
        entry("Swaziland", "SZ"); // renamed Eswatini in 2018, still SZ
        entry("Timor-Leste", "TL");
        entry("Togo", "TG");
        entry("Tokelau", "TK");
        entry("Tonga", "TO");
        entry("Turks and Caicos Islands", "TC");
        entry("Tuvalu", "TV");
        entry("U.S. Outlying Islands", "UM"); // United States Minor Outlying Islands
        entry("Vanuatu", "VU");
        entry("Vatican City", "VA"); // Holy See
        entry("Wallis and Futuna", "WF");
        entry("Yemen", "YE");
    }

    private AzureReservationUnavailableMarkets() {
    }

    /** The spec's table: every name as the spec spells it, in the spec's order, with its market. */
    public static Map<String, Market> bySpecName() {
        return Collections.unmodifiableMap(BY_SPEC_NAME);
    }

    /** The distinct markets of the spec's table: the default list of markets without Azure reservations. */
    public static Set<Market> markets() {
        return Collections.unmodifiableSet(new TreeSet<>(BY_SPEC_NAME.values()));
    }

    private static void entry(String specName, String code) {
        BY_SPEC_NAME.put(specName, Market.of(code));
    }
}
