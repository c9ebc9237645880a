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

    private static JwtClaimsSetAdapter claims(String subject, Object generation) {
        return new JwtClaimsSetAdapter(new JWTClaimsSet.Builder().subject(subject)
                .claim(SignedInClaims.SESSION_CLAIM, generation).build());
    }
}
