package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.activity.port.out.ActivityRecords.Criteria;
import com.cspdesk.application.activity.port.out.ActivityRecords.Cursor;
import com.cspdesk.application.activity.port.out.ActivityRecords.Stored;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.BrokenLink;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded demo runs on H2 in MySQL mode: V4 and every reading statement of the activity log
 * must run there too, and H2 compares strings case-sensitively, so this is where ignoring case is
 * really at stake. (Behaviour is tested on MariaDB.)
 */
class ActivityReadsSqlOnH2Test {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void theActivityLogReadsRunOnH2InMySqlModeAndIgnoreCase() {
        try (ApplicationContext context = H2InMySqlMode.start()) {
            ActivityLog log = context.getBean(ActivityLog.class);
            ActivityRecords records = context.getBean(ActivityRecords.class);
            String contoso = UUID.randomUUID().toString();
            ActivityEntry key = entry(AT, "Get_Software_Key", contoso, "Contoso 50%_Off Kft.", "Software_Key");
            ActivityEntry order = entry(AT.plusSeconds(1), "create_order", contoso, "Contoso 50%_Off Kft.", "order");
            ActivityEntry other = entry(AT.plusSeconds(1).plusNanos(1_000), "create_order", UUID.randomUUID().toString(), "Contoso 500 Off",
                    "order");
            ActivityEntry partner = entry(AT.plusSeconds(2), "create_customer", null, null, "customer");
            List.of(key, order, other, partner).forEach(log::append);
            Criteria all = new Criteria(AT, AT.plusSeconds(3), Optional.empty(), Optional.empty(), false);

            List<Stored> newestFirst = records.page(all, Optional.empty(), 10);
            assertThat(newestFirst).hasSize(4);
            assertThat(newestFirst.get(0).entry()).isEqualTo(partner);
            assertThat(newestFirst.get(3).entry()).isEqualTo(key);
            Stored second = newestFirst.get(1);
            assertThat(records.page(all, Optional.of(new Cursor(second.entry().operationDate(), second.id())), 10))
                    .containsExactlyElementsOf(newestFirst.subList(2, 4));
            assertThat(records.ascending(all, Optional.of(new Cursor(second.entry().operationDate(), second.id())), 10))
                    .containsExactly(newestFirst.get(0));
            assertThat(records.count(all)).isEqualTo(4);
            assertThat(records.count(new Criteria(AT.plusNanos(1_000), AT.plusSeconds(2), Optional.empty(),
                    Optional.empty(), false))).isEqualTo(2);

            assertThat(entries(records, "customerId", contoso.toUpperCase(Locale.ROOT), false)).containsExactly(order, key);
            assertThat(entries(records, "customerId", contoso.substring(4, 20).toUpperCase(Locale.ROOT), true))
                    .containsExactly(order, key);
            assertThat(entries(records, "companyName", "CONTOSO 50%_off KFT.", false)).containsExactly(order, key);
            assertThat(entries(records, "companyName", "0%_o", true)).containsExactly(order, key);
            assertThat(entries(records, "companyName", "0_", true)).isEmpty();
            assertThat(entries(records, "resourceKind", "software_key", false)).containsExactly(key);
            assertThat(entries(records, "resourceKind", "WARE", true)).containsExactly(key);
            assertThat(entries(records, "operationKind", "GET_software_KEY", false)).containsExactly(key);
            assertThat(entries(records, "operationKind", "Create_", true)).containsExactly(partner, other, order);
            assertThat(records.count(new Criteria(AT, AT.plusSeconds(3), Optional.of("operationKind"),
                    Optional.of("CREATE_ORDER"), false))).isEqualTo(2);

            assertThat(records.chainKeys()).contains(contoso, ActivityChain.PARTNER_CHAIN);
            List<ChainedEntry> chain = records.chain(contoso, 0, 10);
            assertThat(chain).extracting(ChainedEntry::entry).containsExactly(key, order);
            assertThat(records.chain(contoso, 1, 10)).containsExactly(chain.get(1));
            assertThat(ActivityChain.firstBrokenLink(chain)).isEmpty();

            Transactions transactions = context.getBean(Transactions.class);
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            transactions.inTransaction(() -> JdbcRows.update(jdbc,
                    "UPDATE activity_record SET user_principal_name = ? WHERE id = ?", "mallory", chain.get(0).id()));
            assertThat(ActivityChain.firstBrokenLink(records.chain(contoso, 0, 10)))
                    .contains(new BrokenLink(chain.get(0).id(), 1, "content_changed"));
        }
    }

    private static List<ActivityEntry> entries(ActivityRecords records, String field, String value, boolean substring) {
        return records.page(new Criteria(AT, AT.plusSeconds(3), Optional.of(field), Optional.of(value), substring),
                Optional.empty(), 10).stream().map(Stored::entry).toList();
    }

    private static ActivityEntry entry(Instant at, String operation, String customerId, String customerName,
                                       String resourceType) {
        return new ActivityEntry(at, operation, ActivityEntry.SUCCEEDED, "admin.agent@partner.demo", null, customerId,
                customerName, resourceType, "resource-1", Map.of("version", "2022"));
    }
}
