package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.SignedInUser;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /login}: checks the username and password through the sign-in use case. */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

    private final AuthenticateUser authenticateUser;

    PasswordAuthenticationProvider(AuthenticateUser authenticateUser) {
        this.authenticateUser = authenticateUser;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        return authenticateUser.authenticate(new AuthenticateUser.Credentials(username, credentials.getSecret()))
                .map(PasswordAuthenticationProvider::success)
                .orElseGet(() -> {
                    // The username is logged sanitised; the password never is.
                    LOG.info("Sign-in refused for '{}'", username == null ? "" : username.replaceAll("[^A-Za-z0-9._@+-]", "?"));
                    return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
                });
    }

    private static AuthenticationResponse success(SignedInUser user) {
        return AuthenticationResponse.success(user.username().value(),
                user.roles().stream().map(Enum::name).sorted().toList(), SignedInClaims.of(user));
    }
}
