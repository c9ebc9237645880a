package com.cspdesk.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's signature is checked once while it lives; what can change — its session, its expiry — is
 * checked on every request, remembered or not.
 */
class RememberedSignaturesTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T10:00:00Z");
    private static final TokenClaims TOKEN_CLAIMS = new TokenClaims("cspdesk", "cspdesk-api");

    private final SecretSignature key = signature("0123456789abcdef0123456789abcdef-remembered");
    private final Set<String> ended = new HashSet<>();
    private int signaturesChecked;
    private Instant now = ISSUED;

    private final RememberedSignatures<Object> tokens = new RememberedSignatures<>(parser(),
            jwt -> {
                signaturesChecked++;
                return Mono.just(verifies(key, jwt));
            },
            List.of(new IssuedHereClaimsValidator<>(TOKEN_CLAIMS),
                    new SessionClaimValidator<>((username, generation) -> !ended.contains(username),
                            (application, credential) -> false)),
            jwt -> Optional.of(Authentication.build(subject(jwt))),
            () -> now, null);

    @Test
    void aTokensSignatureIsCheckedOnceWhileItLives() {
        String token = issue(key, "agent.one", ISSUED.plus(Duration.ofHours(1)));

        assertThat(user(token)).contains("agent.one");
        assertThat(user(token)).contains("agent.one");
        now = now.plus(Duration.ofMinutes(59));
        assertThat(user(token)).contains("agent.one");

        assertThat(signaturesChecked).isEqualTo(1);
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsSessionEnds() {
        String token = issue(key, "agent.one", ISSUED.plus(Duration.ofHours(1)));
        assertThat(user(token)).contains("agent.one");

        ended.add("agent.one");

        assertThat(user(token)).isEmpty();
        assertThat(signaturesChecked).isEqualTo(1);
    }

    @Test
    void aTokenIsForgottenWhenItExpiresAndCheckedInFullAgain() {
        String token = issue(key, "agent.one", ISSUED.plus(Duration.ofHours(1)));
        assertThat(user(token)).contains("agent.one");

        now = ISSUED.plus(Duration.ofHours(1));

        assertThat(user(token)).contains("agent.one"); // its exp is checked by Micronaut's own validator, not here
        assertThat(signaturesChecked).isEqualTo(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aForgedTokenIsRefusedEachTimeAndNeverRemembered() {
        String forged = issue(signature("another-key-another-key-another-key-0123"), "agent.one",
                ISSUED.plus(Duration.ofHours(1)));

        assertThat(user(forged)).isEmpty();
        assertThat(user(forged)).isEmpty();

        assertThat(signaturesChecked).isEqualTo(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aRememberedTokensClaimsDoNotLendThemselvesToAnAlteredCopy() {
        String token = issue(key, "agent.one", ISSUED.plus(Duration.ofHours(1)));
        assertThat(user(token)).contains("agent.one");
        String[] parts = token.split("\\.");
        String otherPayload = issue(key, "global.admin", ISSUED.plus(Duration.ofHours(1))).split("\\.")[1];

        assertThat(user(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
    }

    @Test
    void theMemoryIsBoundedAndMakesRoomByDroppingExpiredTokens() {
        for (int i = 0; i < RememberedSignatures.REMEMBERED_TOKENS; i++) {
            assertThat(user(issue(key, "agent." + i, ISSUED.plus(Duration.ofMinutes(10))))).isPresent();
        }
        assertThat(user(issue(key, "one.too.many", ISSUED.plus(Duration.ofHours(1))))).contains("one.too.many");
        assertThat(tokens.remembered()).isEqualTo(RememberedSignatures.REMEMBERED_TOKENS);

        now = ISSUED.plus(Duration.ofMinutes(10));
        String fresh = issue(key, "agent.fresh", ISSUED.plus(Duration.ofHours(1)));
        assertThat(user(fresh)).contains("agent.fresh");

        assertThat(tokens.remembered()).isEqualTo(1);
    }

    private Optional<String> user(String token) {
        return Mono.from(tokens.validateToken(token, null)).blockOptional().map(Authentication::getName);
    }

    private static String issue(SecretSignature signature, String username, Instant expires) {
        try {
            return signature.sign(new JWTClaimsSet.Builder().subject(username).issuer(TOKEN_CLAIMS.issuer())
                    .audience(TOKEN_CLAIMS.audience()).expirationTime(Date.from(expires))
                    .claim(SignedInClaims.SESSION_CLAIM, 1L).build()).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretSignature signature(String secret) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("test");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(secret);
        return new SecretSignature(configuration);
    }

    private static boolean verifies(SecretSignature key, SignedJWT jwt) {
        try {
            return key.verify(jwt);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JsonWebTokenParser<JWT> parser() {
        return new JsonWebTokenParser<>() {
            @Override
            public Optional<JWT> parse(String token) {
                try {
                    return Optional.of(JWTParser.parse(token));
                } catch (ParseException unreadable) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<io.micronaut.security.token.Claims> parseClaims(String token) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static String subject(JWT jwt) {
        try {
            return jwt.getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
