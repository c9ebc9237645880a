package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.in.AuthenticateUser.Credentials;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Refused;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignedIn;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SigningInTest {

    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";

    private final SecondFactorWorld world = new SecondFactorWorld();
    private final Users users = world.users;
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final SecondFactorAuthentication secondFactor = world.service(SecondFactorRequirement.none());

    @Test
    void theRightPasswordSignsInWithRolesAndTenant() {
        when(hasher.hash(anyString())).thenReturn("decoy");
        when(users.find(new Username("cust.admin"))).thenReturn(Optional.of(new UserAccount(new Username("cust.admin"),
                "stored", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.of(TENANT), Instant.EPOCH)));
        when(hasher.matches("Right-Passw0rd", "stored")).thenReturn(true);

        var outcome = new SigningIn(users, hasher, secondFactor).signIn(new Credentials("Cust.Admin", "Right-Passw0rd"), Optional.of("192.0.2.7"));

        assertThat(outcome).isInstanceOfSatisfying(SignedIn.class, signedIn -> {
            SignedInUser user = signedIn.user();
            assertThat(user.roles()).containsExactly(Role.CUSTOMER_GLOBAL_ADMIN);
            assertThat(user.customerTenantId()).contains(TENANT);
            assertThat(user.sessionGeneration()).isEqualTo(UserAccount.firstSessionGeneration(Instant.EPOCH));
        });
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAfterTheSameWork() {
        when(hasher.hash(anyString())).thenReturn("decoy");
        when(users.find(new Username("ghost.user"))).thenReturn(Optional.empty());
        var signingIn = new SigningIn(users, hasher, secondFactor);

        assertThat(signingIn.signIn(new Credentials("ghost.user", "whatever-it-is"), Optional.empty())).isInstanceOf(Refused.class);
        verify(hasher).matches(eq("whatever-it-is"), eq("decoy"));
        assertThat(signingIn.signIn(new Credentials("<not a name>", "x"), Optional.empty())).isInstanceOf(Refused.class);
        assertThat(signingIn.signIn(new Credentials("ghost.user", null), Optional.empty())).isInstanceOf(Refused.class);
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(new Credentials("a", "Secret-Passw0rd").toString()).doesNotContain("Secret-Passw0rd");
    }
}
