package com.cspdesk.contracts;

import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.domain.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Applications} must do: keep an application with its roles, creator and
 * credentials (instants to the microsecond), add credentials to live ones only, revoke a credential
 * or an application once (keeping it, marked), list oldest first, and roll back with its unit of work.
 */
public abstract class ApplicationsContract extends PortContract {

    private static final Instant T = Instant.parse("2026-12-03T08:15:30.123456Z");

    private Applications applications() {
        return port(Applications.class);
    }

    private static ApplicationCredential credential(Instant at) {
        String id = UUID.randomUUID().toString();
        return new ApplicationCredential(id, "a".repeat(56) + id.substring(0, 8), "WXyz", at, Optional.empty());
    }

    private static RegisteredApplication application(Instant at, ApplicationCredential... credentials) {
        return new RegisteredApplication(UUID.randomUUID().toString(), "Billing sync ő " + at, Set.of(Role.ADMIN_AGENT, Role.SALES_AGENT),
                at, "root@partner.test", Optional.empty(), List.of(credentials));
    }

    @Test
    void anApplicationIsKeptWithItsCredentialsAsGiven() {
        RegisteredApplication app = application(T, credential(T));

        assertThat(applications().add(app)).isTrue();

        assertThat(applications().find(app.id())).contains(app);
        assertThat(applications().add(app)).as("the id is taken").isFalse();
        assertThat(applications().find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void credentialsAreAddedToLiveApplicationsAndRevokedOnceEach() {
        ApplicationCredential first = credential(T);
        RegisteredApplication app = application(T, first);
        applications().add(app);
        ApplicationCredential second = credential(T.plusSeconds(1));

        assertThat(applications().addCredential(app.id(), second)).isTrue();
        assertThat(applications().revokeCredential(app.id(), first.id(), T.plusSeconds(2))).isTrue();
        assertThat(applications().revokeCredential(app.id(), first.id(), T.plusSeconds(3))).as("already revoked").isFalse();
        assertThat(applications().revokeCredential(UUID.randomUUID().toString(), second.id(), T)).as("another application's").isFalse();

        RegisteredApplication read = applications().find(app.id()).orElseThrow();
        assertThat(read.credentials()).extracting(ApplicationCredential::id).containsExactly(first.id(), second.id());
        assertThat(read.credentials().get(0).revokedAt()).contains(T.plusSeconds(2));
        assertThat(read.liveCredential(first.id())).isEmpty();
        assertThat(read.liveCredential(second.id())).contains(second);
        assertThat(applications().addCredential(UUID.randomUUID().toString(), credential(T))).isFalse();
    }

    @Test
    void aRevokedApplicationIsKeptMarkedAndGetsNoCredential() {
        ApplicationCredential first = credential(T);
        RegisteredApplication app = application(T, first);
        applications().add(app);

        assertThat(applications().revoke(app.id(), T.plusSeconds(5))).isTrue();
        assertThat(applications().revoke(app.id(), T.plusSeconds(6))).isFalse();
        assertThat(applications().addCredential(app.id(), credential(T.plusSeconds(7)))).isFalse();

        RegisteredApplication read = applications().find(app.id()).orElseThrow();
        assertThat(read.revokedAt()).contains(T.plusSeconds(5));
        assertThat(read.credentials()).containsExactly(first);
        assertThat(read.liveCredential(first.id())).as("its application is revoked").isEmpty();
        assertThat(applications().revoke(UUID.randomUUID().toString(), T)).isFalse();
    }

    @Test
    void allListsOldestFirstWithEachOnesCredentials() {
        RegisteredApplication later = application(T.plusSeconds(3600 * 24 * 400L), credential(T), credential(T.plusSeconds(1)));
        RegisteredApplication earlier = application(T.minusSeconds(3600 * 24 * 400L), credential(T));
        applications().add(later);
        applications().add(earlier);

        List<RegisteredApplication> all = applications().all();

        assertThat(all).contains(earlier, later);
        assertThat(all.indexOf(earlier)).isLessThan(all.indexOf(later));
        assertThat(all.get(all.indexOf(later)).credentials()).hasSize(2);
    }

    @Test
    void changesInAUnitOfWorkThatFailsAreNotKept() {
        RegisteredApplication app = application(T, credential(T));
        applications().add(app);
        ApplicationCredential extra = credential(T.plusSeconds(1));
        RegisteredApplication other = application(T, credential(T));

        assertThatThrownBy(() -> inTransaction(() -> {
            applications().addCredential(app.id(), extra);
            applications().revoke(app.id(), T.plusSeconds(2));
            applications().add(other);
            throw new IllegalStateException("the activity record could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(applications().find(app.id())).contains(app);
        assertThat(applications().find(other.id())).isEmpty();
    }
}
