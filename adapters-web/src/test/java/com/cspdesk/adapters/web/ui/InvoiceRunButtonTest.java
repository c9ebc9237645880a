package com.cspdesk.adapters.web.ui;

import com.cspdesk.domain.identity.Role;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoices page shows "Run invoices" to exactly the roles the run endpoints accept. */
class InvoiceRunButtonTest {

    @Test
    void adminAgentsSeeTheRunButtonSalesAgentsDoNot() {
        assertThat(viewer(Role.ADMIN_AGENT).canRunInvoices()).isTrue();
        assertThat(viewer(Role.GLOBAL_ADMIN).canRunInvoices()).isTrue();
        assertThat(viewer(Role.ACCOUNT_ADMIN).canRunInvoices()).isTrue();
        assertThat(viewer(Role.SALES_AGENT).canRunInvoices()).isFalse();
        assertThat(viewer(Role.REFERRAL_ADMIN).canRunInvoices()).isFalse();
    }

    @Test
    void thePagesRunFormIsSecuredLikeThePage() {
        // No own @Secured on the form's POST: the page's roles (with ADMIN_AGENT) apply.
        assertThat(Arrays.stream(InvoicePagesController.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Post.class))
                .filter(method -> method.isAnnotationPresent(Secured.class))).isEmpty();
        assertThat(InvoicePagesController.class.getAnnotation(Secured.class).value())
                .contains("ADMIN_AGENT").doesNotContain("SALES_AGENT");
    }

    private static Viewer viewer(Role role) {
        return new Viewer("someone", Set.of(role), Optional.empty());
    }
}
