package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** api.md "Invoices": who may start an invoice run and follow its progress. */
class InvoiceRunRolesTest {

    @Test
    void adminAgentsStartAndFollowRunsLikeTheAdmins() throws Exception {
        for (Method route : List.of(route("startRun"), route("run"))) {
            assertThat(roles(route)).as(route.getName())
                    .containsExactlyInAnyOrder(Roles.GLOBAL_ADMIN, Roles.ACCOUNT_ADMIN, Roles.ADMIN_AGENT)
                    .doesNotContain(Roles.SALES_AGENT, Roles.CUSTOMER_GLOBAL_ADMIN);
        }
    }

    @Test
    void theRunsAreOpenToExactlyThoseWhoSeeInvoices() throws Exception {
        assertThat(roles(route("startRun"))).containsExactlyInAnyOrder(roles(route("list")));
    }

    private static Method route(String name) {
        return Arrays.stream(InvoicesController.class.getDeclaredMethods())
                .filter(method -> method.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String[] roles(Method route) {
        return route.getAnnotation(Secured.class).value();
    }
}
