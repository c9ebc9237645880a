package com.cspdesk.adapters.web.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.nimbus.NimbusJsonWebTokenValidatorConfiguration;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Micronaut's check of a bearer token — parse it, verify its signature, then every claims validator
 * ({@code exp}, {@link IssuedHereClaimsValidator}, {@link SessionClaimValidator} …) and make its
 * {@link Authentication} — with the first two remembered per exact token string until the token
 * expires. A client sends the same token with every request for its lifetime, and decoding it (nimbus'
 * constant-time Base64) and its HMAC were 4–5 % of the CPU of placing an order (docs/performance.md).
 * <p>
 * Only what cannot change is remembered: that these bytes were signed with our key, and the claims
 * they say. Every claims validator still runs on every request, so a token whose session ended
 * (sign-out, a deleted user, a revoked application credential) or whose {@code exp} passed is refused as
 * before. A token is remembered only after its signature verified, so a forged one costs a full check each
 * time and takes no room. At most {@link #REMEMBERED_TOKENS} are kept: expired ones are dropped when the
 * memory is full, and a token past the bound is checked in full every time. The key is the whole token,
 * never logged. Runs on the blocking pool as Micronaut's own does (the session check may read the user).
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
final class RememberedSignatures<R> implements ReactiveJsonWebTokenValidator<JWT, R> {

    static final int REMEMBERED_TOKENS = 1024;

    private final JsonWebTokenParser<JWT> parser;
    private final ReactiveJsonWebTokenSignatureValidator<SignedJWT> signatures;
    private final List<GenericJwtClaimsValidator<R>> claimsValidators;
    private final JwtAuthenticationFactory authentications;
    private final InstantSource clock;
    @Nullable
    private final Scheduler scheduler;
    private final Map<String, Signed> remembered = new ConcurrentHashMap<>();

    @Inject
    RememberedSignatures(JsonWebTokenParser<JWT> parser, ReactiveJsonWebTokenSignatureValidator<SignedJWT> signatures,
                         List<GenericJwtClaimsValidator<R>> claimsValidators, JwtAuthenticationFactory authentications,
                         NimbusJsonWebTokenValidatorConfiguration configuration,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this(parser, signatures, claimsValidators, authentications, Clock.systemUTC(),
                configuration.isReactiveValidatorExecuteOnBlocking() ? Schedulers.fromExecutorService(blocking) : null);
    }

    /** {@code clock}: real time (a token's {@code exp} is), not the sandbox's. */
    RememberedSignatures(JsonWebTokenParser<JWT> parser, ReactiveJsonWebTokenSignatureValidator<SignedJWT> signatures,
                         List<GenericJwtClaimsValidator<R>> claimsValidators, JwtAuthenticationFactory authentications,
                         InstantSource clock, @Nullable Scheduler scheduler) {
        this.parser = parser;
        this.signatures = signatures;
        this.claimsValidators = List.copyOf(claimsValidators);
        this.authentications = authentications;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable R request) {
        Mono<Authentication> authentication = Mono.from(validate(token, request))
                .flatMap(jwt -> Mono.justOrEmpty(authentications.createAuthentication(jwt)));
        return scheduler == null ? authentication : authentication.subscribeOn(scheduler);
    }

    @Override
    public Publisher<JWT> validate(String token, @Nullable R request) {
        return Mono.defer(() -> signed(token))
                .filter(signed -> signed.claims() != null && claimsHold(signed.claims(), request))
                .map(Signed::jwt);
    }

    /** How many tokens are remembered. */
    int remembered() {
        return remembered.size();
    }

    private Mono<Signed> signed(String token) {
        Instant now = clock.instant();
        Signed known = remembered.get(token);
        if (known != null) {
            if (now.isBefore(known.expires())) {
                return Mono.just(known);
            }
            remembered.remove(token, known);
        }
        // Only a signed token counts: the product always has its key, so Micronaut refuses unsigned ones too.
        if (!(parser.parse(token).orElse(null) instanceof SignedJWT jwt)) {
            return Mono.empty();
        }
        return Mono.from(signatures.validateSignature(jwt))
                .filter(Boolean::booleanValue)
                .map(verified -> remember(token, jwt, now));
    }

    private Signed remember(String token, SignedJWT jwt, Instant now) {
        Signed signed;
        try {
            Date expires = jwt.getJWTClaimsSet().getExpirationTime();
            signed = new Signed(jwt, new JwtClaimsSetAdapter(jwt.getJWTClaimsSet()),
                    expires == null ? Instant.MIN : expires.toInstant());
        } catch (ParseException unreadable) {
            return new Signed(jwt, null, Instant.MIN);
        }
        // Without an exp (refused anyway by IssuedHereClaimsValidator) or already past it: not worth keeping.
        if (now.isBefore(signed.expires())) {
            if (remembered.size() >= REMEMBERED_TOKENS) {
                remembered.values().removeIf(old -> !now.isBefore(old.expires()));
            }
            if (remembered.size() < REMEMBERED_TOKENS) {
                remembered.put(token, signed);
            }
        }
        return signed;
    }

    private boolean claimsHold(Claims claims, @Nullable R request) {
        for (GenericJwtClaimsValidator<R> validator : claimsValidators) {
            if (!validator.validate(claims, request)) {
                return false;
            }
        }
        return true;
    }

    /** A token whose signature verified, its claims ({@code null} when unreadable) and when it expires. */
    private record Signed(JWT jwt, @Nullable Claims claims, Instant expires) {
    }
}
