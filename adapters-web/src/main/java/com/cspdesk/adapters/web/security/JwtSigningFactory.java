package com.cspdesk.adapters.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and checks every JWT (HS256). It comes from {@code cspdesk.security.jwt-secret}
 * ({@code CSPDESK_JWT_SECRET}) and must be at least 256 bits, checked at start-up. Only in sandbox
 * mode, when none is configured, the sandbox's own is used ({@link SandboxSecrets}: made once per data
 * folder, never printed).
 */
@Factory
class JwtSigningFactory {

    static final int MINIMUM_BYTES = 32;

    @Context
    @Named("generator")
    SignatureGeneratorConfiguration jwtSignature(@Nullable @Value("${cspdesk.security.jwt-secret:}") String configured,
                                 @Nullable SandboxSecrets sandbox) {
        String secret = configured;
        if (secret == null || secret.isBlank()) {
            if (sandbox == null) {
                throw new ConfigurationException("No JWT secret: set CSPDESK_JWT_SECRET (cspdesk.security.jwt-secret)"
                        + " to at least " + MINIMUM_BYTES + " bytes (256 bits) of random text.");
            }
            secret = sandbox.kept("jwt-secret", () -> {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            });
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_BYTES) {
            throw new ConfigurationException("The JWT secret (cspdesk.security.jwt-secret) is shorter than 256 bits;"
                    + " use at least " + MINIMUM_BYTES + " bytes of random text.");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(secret);
        return new SecretSignature(configuration);
    }
}
