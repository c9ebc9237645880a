package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.contracts.ActivityRecordsContract;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class ActivityRecordsOnMemoryTest extends ActivityRecordsContract {

    @Override
    protected void changeUserPrincipalName(String recordId, String userPrincipalName) {
        ActivityEntry stored = port(ActivityRecords.class).chain(chainOf(recordId), 0, Integer.MAX_VALUE).stream()
                .filter(e -> e.id().equals(recordId)).findFirst().orElseThrow().entry();
        port(ActivityBook.class).overwrite(recordId, new ActivityEntry(stored.operationDate(), stored.operationType(),
                stored.operationStatus(), userPrincipalName, stored.applicationId(), stored.customerId(),
                stored.customerName(), stored.resourceType(), stored.resourceId(), stored.customizedData()));
    }

    @Override
    protected void deleteRecord(String recordId) {
        port(ActivityBook.class).delete(recordId);
    }

    private String chainOf(String recordId) {
        ActivityBook book = port(ActivityBook.class);
        return book.transactions.read(() -> book.byDate.values().stream().filter(e -> e.id().equals(recordId))
                .findFirst().orElseThrow().entry().chainKey());
    }
}
