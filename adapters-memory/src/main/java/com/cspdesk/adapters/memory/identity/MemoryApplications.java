package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The applications by id, each replaced whole on a change (records are immutable), inside the store's units of work. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryApplications implements Applications {

    private final MemoryTransactions transactions;
    private final Map<String, RegisteredApplication> byId = new HashMap<>();

    MemoryApplications(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(RegisteredApplication application) {
        return transactions.inTransaction(() -> !byId.containsKey(application.id())
                && transactions.change(() -> byId.put(application.id(), application) == null, () -> byId.remove(application.id())));
    }

    @Override
    public Optional<RegisteredApplication> find(String applicationId) {
        return transactions.read(() -> Optional.ofNullable(byId.get(applicationId)));
    }

    @Override
    public List<RegisteredApplication> all() {
        return transactions.read(() -> byId.values().stream()
                .sorted(Comparator.comparing(RegisteredApplication::createdAt).thenComparing(RegisteredApplication::id))
                .toList());
    }

    @Override
    public boolean addCredential(String applicationId, ApplicationCredential credential) {
        return replace(applicationId, before -> {
            if (!before.isLive()) {
                return null;
            }
            List<ApplicationCredential> credentials = new ArrayList<>(before.credentials());
            credentials.add(credential);
            return new RegisteredApplication(before.id(), before.name(), before.roles(), before.createdAt(), before.createdBy(),
                    before.revokedAt(), credentials);
        });
    }

    @Override
    public boolean revokeCredential(String applicationId, String credentialId, Instant at) {
        return replace(applicationId, before -> {
            if (before.credentials().stream().noneMatch(c -> c.id().equals(credentialId) && c.isLive())) {
                return null;
            }
            return new RegisteredApplication(before.id(), before.name(), before.roles(), before.createdAt(), before.createdBy(),
                    before.revokedAt(), before.credentials().stream().map(c -> c.id().equals(credentialId)
                    ? new ApplicationCredential(c.id(), c.secretHash(), c.hint(), c.createdAt(), Optional.of(at)) : c).toList());
        });
    }

    @Override
    public boolean revoke(String applicationId, Instant at) {
        return replace(applicationId, before -> before.isLive()
                ? new RegisteredApplication(before.id(), before.name(), before.roles(), before.createdAt(), before.createdBy(),
                Optional.of(at), before.credentials())
                : null);
    }

    /** Replaces the application by what {@code change} makes of it; false when there is none or the change answers null. */
    private boolean replace(String applicationId, UnaryOperator<RegisteredApplication> change) {
        return transactions.inTransaction(() -> {
            RegisteredApplication before = byId.get(applicationId);
            RegisteredApplication after = before == null ? null : change.apply(before);
            if (after == null) {
                return false;
            }
            return transactions.change(() -> byId.put(applicationId, after) != null, () -> byId.put(applicationId, before));
        });
    }
}
