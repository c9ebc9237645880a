package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Refused;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Username;

import java.util.Optional;

/** Checks a username and password against the stored hash; a user with a second factor then needs a code too. */
public final class SigningIn implements AuthenticateUser {

    private final Users users;
    private final PasswordHasher hasher;
    private final SecondFactorAuthentication secondFactor;
    // Hashing for unknown users too keeps the answer time the same, so timing does not tell
    // which usernames exist.
    private final String decoyHash;

    public SigningIn(Users users, PasswordHasher hasher, SecondFactorAuthentication secondFactor) {
        this.users = users;
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        this.decoyHash = hasher.hash("decoy-password-never-matches");
    }

    @Override
    public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
        if (credentials.password() == null || !Username.isValid(credentials.username())) {
            hasher.matches("", decoyHash);
            return new Refused();
        }
        Optional<UserAccount> account = users.find(new Username(credentials.username()));
        boolean matches = hasher.matches(credentials.password(), account.map(UserAccount::passwordHash).orElse(decoyHash));
        // The password matched: the second factor decides what comes next.
        return account.filter(a -> matches)
                .map(secondFactor::afterPassword)
                .orElseGet(Refused::new);
    }
}
