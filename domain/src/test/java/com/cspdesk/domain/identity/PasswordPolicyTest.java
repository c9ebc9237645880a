package com.cspdesk.domain.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final Username anna = new Username("anna.kovacs@contoso.example");

    @Test
    void elevenCharactersAreTooShortAndTwelveAreEnough() {
        assertThat(policy.weakness("Ab3$efgh1jk", anna)).contains(PasswordPolicy.Weakness.TOO_SHORT);
        assertThat(policy.weakness("Ab3$efgh1jkl", anna)).isEmpty();
    }

    @Test
    void anAbsurdlyLongPasswordIsRefusedBeforeHashing() {
        String longOne = "Ab3$".repeat(64) + "x";
        assertThat(longOne).hasSize(257);
        assertThat(policy.weakness(longOne, anna)).contains(PasswordPolicy.Weakness.TOO_LONG);
        assertThat(policy.weakness(longOne.substring(1), anna)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "alllowercaseletters, TOO_FEW_CHARACTER_CLASSES",
            "lowercase1234567, TOO_FEW_CHARACTER_CLASSES",
            "Lowercase1234567, ",
            "lowercase-1234567, ",
            "UPPER-and-lower, ",
            "P@ssw0rd1234, WELL_KNOWN",
            "xxAnna.Kovacs99!, CONTAINS_USERNAME",
    })
    void refusesWeakPasswordsWithTheReason(String password, PasswordPolicy.Weakness expected) {
        if (expected == null) {
            assertThat(policy.weakness(password, anna)).isEmpty();
        } else {
            assertThat(policy.weakness(password, anna)).contains(expected);
        }
    }

    @Test
    void nullPasswordIsTooShort() {
        assertThat(policy.weakness(null, anna)).contains(PasswordPolicy.Weakness.TOO_SHORT);
    }

    @Test
    void usernamesAreCaseInsensitiveAndValidated() {
        assertThat(new Username("  Anna.Kovacs@Contoso.Example ").value()).isEqualTo("anna.kovacs@contoso.example");
        assertThatThrownBy(() -> new Username("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Username("anna kovacs")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Username.isValid("ok-name")).isTrue();
        assertThat(Username.isValid("<script>")).isFalse();
    }

    @Test
    void onlyTheCustomersAdminIsACustomerRole() {
        for (Role role : Role.values()) {
            assertThat(role.isCustomerRole()).isEqualTo(role == Role.CUSTOMER_GLOBAL_ADMIN);
        }
    }
}
