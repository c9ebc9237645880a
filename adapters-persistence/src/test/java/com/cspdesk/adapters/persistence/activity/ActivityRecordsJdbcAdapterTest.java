package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.activity.port.out.ActivityRecords.Criteria;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.BrokenLink;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.cspdesk.contracts.SampleActivity.entry;
import static com.cspdesk.contracts.SampleOrders.tenant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the JDBC activity records do: a stored customized_data that is not the JSON the writer
 * makes is read back as text under {@link ActivityRecordsJdbcAdapter#UNREADABLE}. What every adapter
 * must do is ActivityRecordsContract's.
 */
@MicronautTest(startApplication = false, transactional = false)
class ActivityRecordsJdbcAdapterTest extends OnMariaDb {

    @Inject
    ActivityLog log;
    @Inject
    ActivityRecords records;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void unreadableCustomizedDataIsReportedByTheChainNotThrown() {
        Instant base = Instant.parse("2026-01-20T08:00:00Z");
        String tenant = tenant();
        for (int i = 1; i <= 3; i++) {
            log.append(entry(base.plusSeconds(i), "get_software_key", tenant, "Contoso", "software_key", i));
        }
        ChainedEntry second = records.chain(tenant, 0, 100).get(1);
        transactions.inTransaction(() -> JdbcRows.update(jdbc,
                "UPDATE activity_record SET customized_data = ? WHERE id = ?", "[{\"key\": \"version\"", second.id()));

        List<ChainedEntry> chain = records.chain(tenant, 0, 100);
        assertThat(chain.get(1).entry().customizedData())
                .containsExactly(Map.entry(ActivityRecordsJdbcAdapter.UNREADABLE, "[{\"key\": \"version\""));
        assertThat(ActivityChain.firstBrokenLink(chain)).contains(new BrokenLink(second.id(), 2, "content_changed"));
        Criteria range = new Criteria(base, base.plus(Duration.ofHours(1)), Optional.empty(), Optional.empty(), false);
        assertThat(records.page(range, Optional.empty(), 10)).hasSize(3);
    }
}
