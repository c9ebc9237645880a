package com.cspdesk.adapters.web.problem;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** #14: Partner Center's clients read {@code code}, {@code description} and {@code data} of an error. */
class ProblemTest {

    @Test
    void aProblemCarriesPartnerCentersDescriptionAndDataOfItsFieldMessages() {
        Problem problem = new Problem("urn:cspdesk:problem:validation_failed", "Invalid request", 400, "The request is not valid.",
                "validation_failed", "/v1/customers", "cid", List.of(new Problem.FieldError("billingProfile.country", "unknown country")),
                null, null);

        assertThat(problem.description()).isEqualTo("The request is not valid.");
        assertThat(problem.data()).containsExactly("billingProfile.country: unknown country");
    }

    @Test
    void withoutFieldErrorsThereIsNoData() {
        Problem problem = new Problem("urn:cspdesk:problem:not_found", "Not found", 404, "Nothing here.", "not_found", "/x", "cid",
                null, null, null);

        assertThat(problem.description()).isEqualTo("Nothing here.");
        assertThat(problem.data()).isNull();
        assertThat(problem.withSupportRequestUri("/v1/servicerequests").description()).isEqualTo("Nothing here.");
    }
}
