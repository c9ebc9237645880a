package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.contracts.ActivityRecordsContract;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivityRecordsOnMemoryTest extends ActivityRecordsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();
    private final ActivityBook book = adapters.get(ActivityBook.class);

    @Override
    protected ActivityLog log() {
        return adapters.get(ActivityLog.class);
    }

    @Override
    protected ActivityRecords records() {
        return adapters.get(ActivityRecords.class);
    }

    @Override
    protected void changeUserPrincipalName(String recordId, String userPrincipalName) {
        ActivityEntry stored = records().chain(chainOf(recordId), 0, Integer.MAX_VALUE).stream()
                .filter(e -> e.id().equals(recordId)).findFirst().orElseThrow().entry();
        book.overwrite(recordId, new ActivityEntry(stored.operationDate(), stored.operationType(),
                stored.operationStatus(), userPrincipalName, stored.applicationId(), stored.customerId(),
                stored.customerName(), stored.resourceType(), stored.resourceId(), stored.customizedData()));
    }

    @Override
    protected void deleteRecord(String recordId) {
        book.delete(recordId);
    }

    private String chainOf(String recordId) {
        return book.transactions.read(() -> book.byDate.values().stream().filter(e -> e.id().equals(recordId))
                .findFirst().orElseThrow().entry().chainKey());
    }
}
