package com.cspdesk.contracts;

import com.cspdesk.domain.activity.ActivityEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Activity entries for the activity contracts and the JDBC adapter's own tests: numbered, so each is told apart. */
public final class SampleActivity {

    private SampleActivity() {
    }

    /** A successful entry by the partner's admin agent on resource {@code resource-n}, with {@code n} in its data. */
    public static ActivityEntry entry(Instant at, String operation, String customerId, String customerName,
                                      String resourceType, int n) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("version", "2022");
        data.put("n", Integer.toString(n));
        return new ActivityEntry(at, operation, ActivityEntry.SUCCEEDED, "admin.agent@partner.demo", null, customerId,
                customerName, resourceType, "resource-" + n, data);
    }
}
