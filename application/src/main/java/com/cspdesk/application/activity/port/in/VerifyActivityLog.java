package com.cspdesk.application.activity.port.in;

import java.util.Optional;

/** Checks every chain of the activity log and reports the first broken link, if any. */
public interface VerifyActivityLog {

    Verification verify();

    record Verification(long recordsChecked, int chainsChecked, Optional<BrokenLink> firstBrokenLink) {
    }

    record BrokenLink(String recordId, String chain, long sequence, String reason) {
    }
}
