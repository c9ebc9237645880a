package com.cspdesk.application.identity;

import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.AddApplicationCredential;
import com.cspdesk.application.identity.port.in.ApplicationView;
import com.cspdesk.application.identity.port.in.GetApplication;
import com.cspdesk.application.identity.port.in.IssuedSecret;
import com.cspdesk.application.identity.port.in.ListApplications;
import com.cspdesk.application.identity.port.in.RegisterApplication;
import com.cspdesk.application.identity.port.in.RemoveApplicationCredential;
import com.cspdesk.application.identity.port.in.RemoveApplicationCredential.Outcome;
import com.cspdesk.application.identity.port.in.UnregisterApplication;
import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.ClientSecrets;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.ServiceCaller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * api.md "Service callers": a global admin registers applications, gives them secrets (several live
 * at once, for rotation), revokes secrets and applications. A secret is made here, answered once and
 * stored only as its hash ({@link ClientSecrets}) with a hint of its last {@value #HINT_LENGTH}
 * characters. Every change is on the partner's activity log with Partner Center's operation names,
 * written with it. Only a signed-in user may do this: an application, whatever its roles, may not
 * make itself new secrets or new applications (a leaked secret must not be able to outlive its revocation).
 */
public final class ApplicationAdministration implements RegisterApplication, ListApplications, GetApplication,
        AddApplicationCredential, UnregisterApplication, RemoveApplicationCredential {

    /** How many characters of a secret its hint keeps (the end of it, as the secret was shown). */
    static final int HINT_LENGTH = 4;
    static final String APPLICATION = Resource.APPLICATION.kind();
    static final String APPLICATION_CREDENTIAL = Resource.APPLICATION_CREDENTIAL.kind();
    static final String NOT_FOUND = "application_not_found";

    private final Applications applications;
    private final ClientSecrets secrets;
    private final LiveCredentials liveCredentials;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public ApplicationAdministration(Applications applications, ClientSecrets secrets, LiveCredentials liveCredentials,
                                     ActivityLog activityLog, Transactions transactions, Clock clock) {
        this.applications = applications;
        this.secrets = secrets;
        this.liveCredentials = liveCredentials;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RegisterOutcome register(String name, Set<Role> roles, Actor actor) {
        if (!permitted(actor)) {
            return new RegisterApplication.NotPermitted(Permission.MANAGE_APPLICATIONS);
        }
        Optional<ServiceCaller.Problem> problem = ServiceCaller.problemOf(name, roles);
        if (problem.isPresent()) {
            return refusal(problem.get());
        }
        Instant now = now();
        String id = UUID.randomUUID().toString();
        String secret = secrets.newSecret();
        ApplicationCredential credential = credential(secret, now);
        RegisteredApplication application = new RegisteredApplication(id, name.strip(), roles, now, actor.username(),
                Optional.empty(), List.of(credential));
        transactions.inTransaction(() -> {
            if (!applications.add(application)) {
                throw new IllegalStateException("a random application id was taken");
            }
            activityLog.append(AdminActs.by(actor, now, AdminActs.REGISTER_APPLICATION, APPLICATION, id, described(application)));
            activityLog.append(AdminActs.by(actor, now, AdminActs.ADD_APPLICATION_CREDENTIAL, APPLICATION_CREDENTIAL,
                    credential.id(), credentialDetails(id, credential)));
            return null;
        });
        return new Registered(view(application), issued(id, credential, secret));
    }

    @Override
    public Lookup<List<ApplicationView>> list(Actor actor) {
        if (!permitted(actor)) {
            return Lookup.notPermitted(Permission.MANAGE_APPLICATIONS);
        }
        return Lookup.found(applications.all().stream().map(ApplicationAdministration::view).toList());
    }

    @Override
    public Lookup<ApplicationView> get(String applicationId, Actor actor) {
        if (!permitted(actor)) {
            return Lookup.notPermitted(Permission.MANAGE_APPLICATIONS);
        }
        return Lookup.of(find(applicationId).map(ApplicationAdministration::view), NOT_FOUND);
    }

    @Override
    public AddCredentialOutcome addCredential(String applicationId, Actor actor) {
        if (!permitted(actor)) {
            return new AddApplicationCredential.NotPermitted(Permission.MANAGE_APPLICATIONS);
        }
        Instant now = now();
        String secret = secrets.newSecret();
        ApplicationCredential credential = credential(secret, now);
        return transactions.inTransaction(() -> {
            Optional<RegisteredApplication> application = find(applicationId);
            if (application.isEmpty()) {
                return new AddApplicationCredential.NotFound();
            }
            if (!application.get().isLive()) {
                return new ApplicationRevoked();
            }
            if (application.get().liveCredentials().size() >= ServiceCaller.LIVE_CREDENTIALS_MAX) {
                return new TooManyCredentials(ServiceCaller.LIVE_CREDENTIALS_MAX);
            }
            if (!applications.addCredential(applicationId, credential)) {
                return new ApplicationRevoked();
            }
            activityLog.append(AdminActs.by(actor, now, AdminActs.ADD_APPLICATION_CREDENTIAL, APPLICATION_CREDENTIAL,
                    credential.id(), credentialDetails(applicationId, credential)));
            return new Added(issued(applicationId, credential, secret));
        });
    }

    @Override
    public Outcome removeCredential(String applicationId, String credentialId, Actor actor) {
        if (!permitted(actor)) {
            return Outcome.NOT_PERMITTED;
        }
        Instant now = now();
        Outcome outcome = transactions.inTransaction(() -> {
            Optional<ApplicationCredential> credential = find(applicationId).stream()
                    .flatMap(application -> application.credentials().stream())
                    .filter(c -> c.id().equals(credentialId)).findFirst();
            if (credential.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (!applications.revokeCredential(applicationId, credentialId, now)) {
                return Outcome.ALREADY_REMOVED;
            }
            activityLog.append(AdminActs.by(actor, now, AdminActs.REMOVE_APPLICATION_CREDENTIAL, APPLICATION_CREDENTIAL,
                    credentialId, credentialDetails(applicationId, credential.get())));
            return Outcome.REMOVED;
        });
        // After the commit: this instance refuses the credential's tokens from the next request on.
        liveCredentials.forget(applicationId);
        return outcome;
    }

    @Override
    public Outcome unregister(String applicationId, Actor actor) {
        if (!permitted(actor)) {
            return Outcome.NOT_PERMITTED;
        }
        Instant now = now();
        Outcome outcome = transactions.inTransaction(() -> {
            Optional<RegisteredApplication> application = find(applicationId);
            if (application.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (!applications.revoke(applicationId, now)) {
                return Outcome.ALREADY_REMOVED;
            }
            activityLog.append(AdminActs.by(actor, now, AdminActs.UNREGISTER_APPLICATION, APPLICATION, applicationId,
                    described(application.get())));
            return Outcome.REMOVED;
        });
        liveCredentials.forget(applicationId);
        return outcome;
    }

    /** The table's permission, held by a user: an application never manages applications. */
    private static boolean permitted(Actor actor) {
        return actor.may(Permission.MANAGE_APPLICATIONS) && actor.applicationId().isEmpty();
    }

    private Optional<RegisteredApplication> find(String applicationId) {
        return applicationId == null || applicationId.isBlank() ? Optional.empty() : applications.find(applicationId.strip());
    }

    private ApplicationCredential credential(String secret, Instant now) {
        return new ApplicationCredential(UUID.randomUUID().toString(), secrets.hash(secret), hintOf(secret), now,
                Optional.empty());
    }

    /** The last characters of a secret, enough to tell one's secrets apart, far too few to guess the rest. */
    static String hintOf(String secret) {
        return secret.substring(Math.max(0, secret.length() - HINT_LENGTH));
    }

    private static IssuedSecret issued(String applicationId, ApplicationCredential credential, String secret) {
        return new IssuedSecret(applicationId, credential.id(), secret, credential.hint(), credential.createdAt());
    }

    private static RegisterOutcome refusal(ServiceCaller.Problem problem) {
        return switch (problem) {
            case NAME_MISSING -> new Refused(Reason.NAME_MISSING, "name");
            case NAME_TOO_LONG -> new Refused(Reason.NAME_TOO_LONG, "name");
            case NAME_INVALID -> new Refused(Reason.NAME_INVALID, "name");
            case ROLES_MISSING -> new Refused(Reason.ROLES_MISSING, "roles");
            case CUSTOMER_ROLE -> new Refused(Reason.CUSTOMER_ROLE, "roles");
        };
    }

    /** What the record of an application says of it: its name and roles. */
    private static Map<String, String> described(RegisteredApplication application) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", application.name());
        details.put("roles", application.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        return details;
    }

    /** What the record of a credential says of it: whose it is and its hint, never the secret or its hash. */
    private static Map<String, String> credentialDetails(String applicationId, ApplicationCredential credential) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("applicationId", applicationId);
        details.put("hint", credential.hint());
        return details;
    }

    static ApplicationView view(RegisteredApplication application) {
        return new ApplicationView(application.id(), application.name(), application.roles(), application.createdAt(),
                application.createdBy(), application.revokedAt(), application.credentials().stream()
                .map(c -> new ApplicationView.CredentialView(c.id(), c.hint(), c.createdAt(), c.revokedAt())).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
