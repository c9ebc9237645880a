package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.util.List;

/**
 * Starts the caller's own TOTP enrolment: a new secret, the URI an authenticator app scans and ten
 * recovery codes — shown this once, never readable again. Enrolling again before confirming replaces
 * the unconfirmed one; a confirmed factor is {@link AlreadyEnrolled} (an admin's reset removes it).
 */
public interface EnrolSecondFactor {

    EnrolOutcome enrol(Actor actor);

    sealed interface EnrolOutcome permits Enrolment, AlreadyEnrolled, NotPermitted {
    }

    /** The secret and the recovery codes are secrets: not printed. */
    record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) implements EnrolOutcome {
        public Enrolment {
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        @Override
        public String toString() {
            return "Enrolment[secret=***, recoveryCodes=" + recoveryCodes.size() + "]";
        }
    }

    record AlreadyEnrolled() implements EnrolOutcome {
    }

    record NotPermitted(Permission permission) implements EnrolOutcome {
    }
}
