package com.cspdesk.domain.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductKeyTest {

    private static final String KEY = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @Test
    void parses_with_or_without_dashes_in_any_case() {
        ProductKey key = ProductKey.parse(KEY);

        assertThat(ProductKey.parse("BCDFGHJKMPQRTVWXY2346789B")).isEqualTo(key);
        assertThat(ProductKey.parse("bcdfg-hjkmp-qrtvw-xy234-6789b")).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(ProductKey.parse("  " + KEY + " ")).isEqualTo(key);
        assertThat(ProductKey.tryParse(KEY)).contains(key);
    }

    @Test
    void reveals_the_clear_text_in_groups_only_when_asked() {
        assertThat(ProductKey.parse("bcdfghjkmpqrtvwxy2346789b").revealClearText()).isEqualTo(KEY);
    }

    @Test
    void to_string_never_reveals_the_key() {
        ProductKey key = ProductKey.parse(KEY);

        assertThat(key).hasToString("ProductKey[*****-*****-*****-*****-*****]");
        assertThat(key.toString()).doesNotContain("6789B").doesNotContain("BCDFG");
        assertThat(String.valueOf(java.util.List.of(key))).doesNotContain("BCDFG");
    }

    @Test
    void the_partial_key_is_the_last_five_characters() {
        assertThat(ProductKey.parse(KEY).partialKey()).isEqualTo("6789B");
    }

    @Test
    void newer_keys_carry_one_n() {
        assertThat(ProductKey.tryParse("NBCDF-GHJKM-PQRTV-WXY23-46789")).isPresent();
        assertThat(ProductKey.tryParse("VK7JG-NPHTM-C97JM-9MPGT-3V66T")).as("a published generic key").isPresent();
        assertThat(ProductKey.tryParse("NBCDF-GHJKM-PQRTV-WXY23-4678N")).as("two Ns").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ABCDF-GHJKM-PQRTV-WXY23-46789", // vowel
            "BCDFG-HJKMP-QRTVW-XY234-67890", // zero
            "BCDFG-HJKMP-QRTVW-XY234-67891", // one
            "BCDFG-HJKMP-QRTVW-XY234-67895", // five
            "BCDFG-HJKMP-QRTVW-XY234-6789L", // L
            "BCDFG-HJKMP-QRTVW-XY234-6789S", // S
            "BCDFG-HJKMP-QRTVW-XY234-6789Z", // Z
            "BCDFG-HJKMP-QRTVW-XY234-6789", // 24 characters
            "BCDFG-HJKMP-QRTVW-XY234-6789BB", // 26 characters
            "BCDF-GHJKMP-QRTVW-XY234-6789B", // dash misplaced
            "BCDFG HJKMP QRTVW XY234 6789B", // spaces are not dashes
            "BCDFG-HJKMP-QRTVW-XY234-6789B-BCDFG-HJKMP-QRTVW-XY234", // 32-ish
            "BCDFGHJKMP-QRTVW-XY234-6789BC"})
    void malformed_keys_are_refused(String text) {
        assertThat(ProductKey.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> ProductKey.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void null_and_empty_are_refused(String text) {
        assertThat(ProductKey.tryParse(text)).isEmpty();
    }

    @Test
    void refusals_never_echo_the_input() {
        String almostAKey = "BCDFG-HJKMP-QRTVW-XY234-6789A";

        assertThatThrownBy(() -> ProductKey.parse(almostAKey)).hasMessageNotContaining("HJKMP").hasMessageNotContaining(almostAKey);
    }

    @Test
    void keys_differ_by_value() {
        assertThat(ProductKey.parse(KEY)).isNotEqualTo(ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789C")).isNotEqualTo(KEY);
    }
}
