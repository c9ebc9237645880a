package com.cspdesk.adapters.web.orders;

import com.cspdesk.adapters.web.orders.OrderRequests.LineItemRequest;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** How a line item's quantity reads from JSON: only integer literals are whole numbers. */
class OrderRequestsTest {

    private static LineItemRequest line(String quantity) throws IOException {
        return ObjectMapper.getDefault().readValue(
                "{\"lineItemNumber\": 0, \"offerId\": \"A:B:C\", \"quantity\": " + quantity + "}", LineItemRequest.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "0", "-1", "2147483647", "3000000000", "99999999999999999999999"})
    void integer_literals_are_whole_numbers(String literal) throws IOException {
        assertThat(WholeNumberValidator.wholeNumber(line(literal).quantity())).contains(new BigInteger(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.0", "2.0000000000000000001", "1e0", "1E2", "\"2\"", "\"many\"", "true", "[1]", "{\"value\": 1}"})
    void anything_else_is_not(String literal) throws IOException {
        assertThat(WholeNumberValidator.wholeNumber(line(literal).quantity())).isEmpty();
    }

    @Test
    void a_valid_quantity_reads_as_an_int() throws IOException {
        assertThat(line("7").wholeQuantity()).isEqualTo(7);
        assertThat(line("2147483647").wholeQuantity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_missing_or_null_quantity_is_left_to_not_null() throws IOException {
        LineItemRequest missing = ObjectMapper.getDefault().readValue("{\"lineItemNumber\": 0, \"offerId\": \"A:B:C\"}",
                LineItemRequest.class);
        assertThat(missing.quantity()).isNull();
        assertThat(line("null").quantity()).isNull();
    }
}
