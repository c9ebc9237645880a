package com.cspdesk.application.identity.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/** The caller's own second factor: whether it is on, whether the caller's roles require it, recovery codes left. */
public interface ViewSecondFactor {

    Lookup<SecondFactorStatus> status(Actor actor);

    record SecondFactorStatus(boolean enrolled, boolean required, int recoveryCodesLeft) {
    }
}
