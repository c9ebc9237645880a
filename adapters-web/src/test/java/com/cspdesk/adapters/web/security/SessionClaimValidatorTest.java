package com.cspdesk.adapters.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionClaimValidatorTest {

    /** What the validator asked, and "current" only for agent.one in generation 8. */
    private final List<String> asked = new ArrayList<>();
    private final SessionClaimValidator<Object> validator = new SessionClaimValidator<>((username, generation) -> {
        asked.add(username + "/" + generation);
        return username.equals("agent.one") && generation == 8;
    }, (applicationId, credentialId) -> {
        asked.add(applicationId + "#" + credentialId);
        return applicationId.equals("a1") && credentialId.equals("c1");
    });

    @Test
    void aTokenCountsWhileItsSessionIsCurrent() {
        assertThat(validator.validate(claims("agent.one", 8L), null)).isTrue();
        assertThat(validator.validate(claims("agent.one", 7L), null)).isFalse();
        assertThat(asked).containsExactly("agent.one/8", "agent.one/7");
    }

    @Test
    void aTokenWithoutASessionGenerationOrSubjectNeverCounts() {
        assertThat(validator.validate(new JwtClaimsSetAdapter(new JWTClaimsSet.Builder().subject("agent.one").build()), null))
                .isFalse();
        assertThat(validator.validate(claims("agent.one", "8"), null)).isFalse();
        assertThat(validator.validate(claims("agent.one", 8.5), null)).isFalse();
        assertThat(validator.validate(new JwtClaimsSetAdapter(new JWTClaimsSet.Builder()
                .claim(SignedInClaims.SESSION_CLAIM, 8L).build()), null)).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void anApplicationsTokenCountsWhileItsApplicationAndCredentialAreLive() {
        assertThat(validator.validate(application("app:a1", "a1", "c1"), null)).isTrue();
        assertThat(validator.validate(application("app:a1", "a1", "c2"), null)).isFalse();
        assertThat(asked).containsExactly("a1#c1", "a1#c2");
    }

    @Test
    void anApplicationsTokenWithoutItsCredentialOrUnderAnotherSubjectNeverCounts() {
        assertThat(validator.validate(application("app:a1", "a1", null), null)).isFalse();
        assertThat(validator.validate(application("agent.one", "a1", "c1"), null)).isFalse();
        // A session generation does not make an application's token a user's.
        assertThat(validator.validate(new JwtClaimsSetAdapter(new JWTClaimsSet.Builder().subject("agent.one")
                .claim(SignedInClaims.SESSION_CLAIM, 8L).claim(ApplicationClaims.APPLICATION_CLAIM, "a9").build()), null)).isFalse();
        assertThat(asked).isEmpty();
    }

    private static JwtClaimsSetAdapter application(String subject, String applicationId, String credentialId) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).claim(ApplicationClaims.APPLICATION_CLAIM, applicationId);
        if (credentialId != null) {
            builder.claim(ApplicationClaims.CREDENTIAL_CLAIM, credentialId);
        }
        return new JwtClaimsSetAdapter(builder.build());
    }

    private static JwtClaimsSetAdapter claims(String subject, Object generation) {
        return new JwtClaimsSetAdapter(new JWTClaimsSet.Builder().subject(subject)
                .claim(SignedInClaims.SESSION_CLAIM, generation).build());
    }
}
