package com.cspdesk.adapters.web.ui.invoices;

import com.cspdesk.adapters.web.ui.shared.Viewer;
import com.cspdesk.domain.identity.Role;
import io.micronaut.http.annotation.Post;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
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
    void thePagesRunFormNeedsTheRunPermissionThePageTheReadingOne() throws Exception {
        assertThat(InvoicePagesController.class.getAnnotation(RequiresPermission.class).value())
                .isEqualTo(Permission.READ_INVOICES);
        assertThat(Arrays.stream(InvoicePagesController.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Post.class))
                .map(method -> method.getAnnotation(RequiresPermission.class).value()))
                .containsOnly(Permission.START_INVOICE_RUN);
    }

    private static Viewer viewer(Role role) {
        return new Viewer("someone", Set.of(role), Optional.empty());
    }
}
