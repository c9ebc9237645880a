package com.cspdesk.application.activity.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

import java.util.Optional;

/** Checks every chain of the activity log and reports the first broken link, if any. */
public interface VerifyActivityLog {

    /** Needs {@code READ_ACTIVITY_LOG}; never "not found" (an empty log verifies as intact). */
    Lookup<Verification> verify(Actor actor);

    record Verification(long recordsChecked, int chainsChecked, Optional<BrokenLink> firstBrokenLink) {
    }

    record BrokenLink(String recordId, String chain, long sequence, String reason) {
    }
}
