package com.cspdesk.domain.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcknowledgementTest {

    @Test
    void the_dialog_needs_its_checkbox_ticked() {
        assertThat(Acknowledgement.dialog(true).given()).isTrue();
        assertThat(Acknowledgement.dialog(false).given()).isFalse();
    }

    @Test
    void an_api_caller_acknowledges_by_making_the_call_as_partner_center_clients_do() {
        assertThat(Acknowledgement.apiCall(Optional.empty()).given()).isTrue();
        assertThat(Acknowledgement.apiCall(Optional.of(true)).given()).isTrue();
    }

    @Test
    void an_api_caller_that_says_it_did_not_acknowledge_has_not() {
        assertThat(Acknowledgement.apiCall(Optional.of(false)).given()).isFalse();
    }
}
