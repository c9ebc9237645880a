package com.cspdesk.application.identity;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.GrantApplicationToken;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.ClientSecrets;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.domain.identity.ServiceCaller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The client-credentials grant: the client id names the application, the secret must hash to one of
 * its live credentials' hashes (compared in constant time). Throttled as sign-ins are, by the same
 * {@link ThrottledAttempts}: per client id and per client address, a failure counted and logged
 * ({@code sign_in}, failed, resource {@code application}) in one unit of work. Application secrets are
 * random and long, so the hash is a plain SHA-256 (fast); it is the throttle that slows guessing, and
 * guessing 256 bits is hopeless anyway.
 */
public final class ApplicationAuthentication implements GrantApplicationToken {

    /** Longer than any secret this product makes: hashed no further. */
    static final int LONGEST_SECRET = 512;

    private final Applications applications;
    private final ClientSecrets secrets;
    private final ThrottledAttempts throttle;
    private final Clock clock;

    public ApplicationAuthentication(Applications applications, ClientSecrets secrets, SignInFailures failures,
                                     ActivityLog activityLog, Transactions transactions, Clock clock, BusinessMetrics metrics) {
        this.applications = applications;
        this.secrets = secrets;
        this.throttle = new ThrottledAttempts(failures, activityLog, transactions, metrics);
        this.clock = clock;
    }

    @Override
    public GrantOutcome grant(String clientId, String clientSecret, Optional<String> clientAddress) {
        Instant now = clock.instant();
        String id = clientId == null ? "" : clientId.strip();
        Optional<Key> clientKey = id.isEmpty() ? Optional.empty() : Optional.of(Key.client(id));
        Optional<String> from = clientAddress.filter(address -> !address.isBlank());
        Optional<Key> addressKey = from.map(Key::address);
        ThrottledAttempts.Before before = throttle.before(clientKey, addressKey, now);
        if (before.backOff().isPresent()) {
            return new TooManyAttempts(before.backOff().get());
        }
        Optional<RegisteredApplication> application = id.isEmpty() || id.length() > SignInFailures.Key.MAXIMUM_LENGTH
                ? Optional.empty() : applications.find(id);
        Optional<ApplicationCredential> matching = clientSecret == null || clientSecret.length() > LONGEST_SECRET
                ? Optional.empty() : application.flatMap(app -> matching(app, secrets.hash(clientSecret)));
        if (matching.isEmpty()) {
            String attempted = application.map(app -> ServiceCaller.actorName(app.id())).orElse(NOT_A_CLIENT);
            throttle.failed(now, clientKey, addressKey, from, AdminActs.SIGN_IN, attempted, ApplicationAdministration.APPLICATION);
            return new Refused();
        }
        throttle.succeeded(clientKey, before);
        return new Granted(new ApplicationCaller(application.get().id(), matching.get().id(), application.get().roles()));
    }

    /** What the activity log names an attempt by when the client id names no application. */
    static final String NOT_A_CLIENT = "(not a client id)";

    /** The live credential whose hash this is, compared in constant time with each. */
    private static Optional<ApplicationCredential> matching(RegisteredApplication application, String hash) {
        byte[] presented = hash.getBytes(StandardCharsets.US_ASCII);
        Optional<ApplicationCredential> found = Optional.empty();
        for (ApplicationCredential credential : application.liveCredentials()) {
            if (MessageDigest.isEqual(presented, credential.secretHash().getBytes(StandardCharsets.US_ASCII))) {
                found = Optional.of(credential);
            }
        }
        return application.isLive() ? found : Optional.empty();
    }
}
