package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.in.CheckApplicationToken;
import com.cspdesk.application.identity.port.out.Applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an application's token still counts: its application and the credential it was got with are
 * live. Every request with such a token asks, so the answer is remembered per instance for
 * {@code keepFor} (a few seconds: how long another instance may still accept a token after a
 * revocation here) and for at most {@code maxRemembered} credentials; a revocation made on this
 * instance is forgotten at once. A read that fails refuses the request with {@link SessionsUnavailable}
 * (503), as a user's session check does.
 */
public final class LiveCredentials implements CheckApplicationToken {

    private final Applications applications;
    private final Clock clock;
    private final Duration keepFor;
    private final int maxRemembered;
    private final Map<Credential, Remembered> remembered = new ConcurrentHashMap<>();

    /** {@code clock}: real time, not the sandbox's, which may jump ahead. */
    public LiveCredentials(Applications applications, Clock clock, Duration keepFor, int maxRemembered) {
        this.applications = applications;
        this.clock = clock;
        this.keepFor = keepFor;
        this.maxRemembered = maxRemembered;
    }

    @Override
    public boolean isLive(String applicationId, String credentialId) {
        Credential key = new Credential(applicationId, credentialId);
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.live();
        }
        boolean live;
        try {
            live = applications.find(applicationId).flatMap(application -> application.liveCredential(credentialId)).isPresent();
        } catch (RuntimeException failure) {
            throw new SessionsUnavailable(failure);
        }
        if (remembered.size() >= maxRemembered) {
            remembered.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (remembered.size() >= maxRemembered) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(live, now.plus(keepFor)));
        return live;
    }

    /** Called after this instance revoked the application or one of its credentials. */
    public void forget(String applicationId) {
        remembered.keySet().removeIf(key -> key.applicationId().equals(applicationId));
    }

    private record Credential(String applicationId, String credentialId) {
    }

    private record Remembered(boolean live, Instant until) {
    }
}
