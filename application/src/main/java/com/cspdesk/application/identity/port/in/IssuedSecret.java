package com.cspdesk.application.identity.port.in;

import java.time.Instant;

/**
 * A new secret of an application, shown this once: it is stored only as a hash, so it cannot be shown
 * again. {@link #toString()} never writes it.
 */
public record IssuedSecret(String applicationId, String credentialId, String secret, String hint, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedSecret[applicationId=" + applicationId + ", credentialId=" + credentialId + ", secret=***, hint="
                + hint + "]";
    }
}
