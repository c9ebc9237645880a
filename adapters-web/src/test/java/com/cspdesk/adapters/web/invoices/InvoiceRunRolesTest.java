package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** api.md "Invoices": starting a run and following it are the table's invoice permissions. */
class InvoiceRunRolesTest {

    @Test
    void startingARunNeedsTheRunPermissionFollowingItTheReadingOne() {
        assertThat(permission("startRun")).isEqualTo(Permission.START_INVOICE_RUN);
        assertThat(permission("run")).isEqualTo(Permission.READ_INVOICES);
        assertThat(permission("list")).isEqualTo(Permission.READ_INVOICES);
    }

    private static Permission permission(String name) {
        Method route = Arrays.stream(InvoicesController.class.getDeclaredMethods())
                .filter(method -> method.getName().equals(name)).findFirst().orElseThrow();
        return route.getAnnotation(RequiresPermission.class).value();
    }
}
