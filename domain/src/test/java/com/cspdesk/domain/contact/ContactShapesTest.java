package com.cspdesk.domain.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactShapesTest {

    @Test
    void anEmailAddressHasALocalPartAnAtAndADottedDomainOfAtMost254Characters() {
        assertThat(EmailAddress.parse(" anna.kovacs+billing@wwi.example ")).contains("anna.kovacs+billing@wwi.example");
        String longest = "a".repeat(64) + "@" + "b".repeat(181) + ".example";
        assertThat(EmailAddress.parse(longest)).contains(longest);
        for (String wrong : new String[]{"anna", "anna@wwi", "anna kovacs@wwi.example", "a".repeat(65) + "@wwi.example",
                "anna@@wwi.example", "an\u0000na@wwi.example", "a".repeat(64) + "@" + "b".repeat(182) + ".example", ""}) {
            assertThat(EmailAddress.parse(wrong)).as(wrong).isEmpty();
        }
        assertThat(EmailAddress.parse(null)).isEmpty();
    }

    @Test
    void aPhoneNumberIsSixTo32DigitsAndSeparatorsAfterAnOptionalPlus() {
        assertThat(PhoneNumber.parse("4255550101")).contains("4255550101");
        assertThat(PhoneNumber.parse(" +36 (1) 234-5678 ")).contains("+36 (1) 234-5678");
        for (String wrong : new String[]{"12345", "call me", "++36 1 234 5678", "1".repeat(34), ""}) {
            assertThat(PhoneNumber.parse(wrong)).as(wrong).isEmpty();
        }
        assertThat(PhoneNumber.parse(null)).isEmpty();
    }
}
