package com.cspdesk.domain.customer;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileRulesTest {

    @Test
    void aCultureIsAKnownLanguageAndAKnownCountryWrittenLikeEnUs() {
        assertThat(Culture.parse("EN-US")).contains("en-US");
        assertThat(Culture.parse(" hu-hu ")).contains("hu-HU");
        assertThat(Culture.parse("sv-SE")).contains("sv-SE");
        for (String wrong : new String[]{"en", "en_US", "en-USA", "eng-US", "xx-US", "en-XX", "en-US-x", "", "en US"}) {
            assertThat(Culture.parse(wrong)).as(wrong).isEmpty();
        }
        assertThat(Culture.parse(null)).isEmpty();
    }

    @Test
    void aLanguageIsATwoLetterIso639Code() {
        assertThat(Language.parse("En")).contains("en");
        assertThat(Language.parse(" tr ")).contains("tr");
        for (String wrong : new String[]{"eng", "e", "qq", "en-US", ""}) {
            assertThat(Language.parse(wrong)).as(wrong).isEmpty();
        }
        assertThat(Language.parse(null)).isEmpty();
    }

    @Test
    void profileTextIsStrippedBoundedAndFreeOfControlCharacters() {
        assertThat(ProfileText.of("  Váci út 1. ", 200)).contains("Váci út 1.");
        assertThat(ProfileText.of("x".repeat(50), 50)).contains("x".repeat(50));
        assertThat(ProfileText.of("x".repeat(51), 50)).isEmpty();
        assertThat(ProfileText.of("line\none", 200)).isEmpty();
        assertThat(ProfileText.of("   ", 200)).isEmpty();
        assertThat(ProfileText.of(null, 200)).isEqualTo(Optional.empty());
        assertThat(ProfileText.given(" ")).isFalse();
        assertThat(ProfileText.given(null)).isFalse();
        assertThat(ProfileText.given("a")).isTrue();
    }

    @Test
    void aProfileOfANameOnlyHasNoAddress() {
        BillingProfile profile = BillingProfile.of("Contoso");
        assertThat(profile.companyName()).isEqualTo("Contoso");
        assertThat(profile.defaultAddress()).isEqualTo(PostalAddress.NONE);
        assertThat(new BillingProfile(null, null, null, null, null, "Contoso", null)).isEqualTo(profile);
    }
}
