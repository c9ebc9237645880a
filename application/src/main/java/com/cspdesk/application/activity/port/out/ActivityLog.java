package com.cspdesk.application.activity.port.out;

import com.cspdesk.domain.activity.ActivityEntry;

/**
 * The append-only activity log. {@link #append} joins the caller's transaction, so the record
 * commits together with the action it describes, and chains it to its customer's previous one.
 */
public interface ActivityLog {

    void append(ActivityEntry entry);
}
