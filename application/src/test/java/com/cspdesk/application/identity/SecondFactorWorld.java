package com.cspdesk.application.identity;

import com.cspdesk.application.InlineTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.application.identity.port.out.TotpCodes;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.SecondFactorRequirement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

/**
 * The ports of multi-factor sign-in, mocked: sealing writes {@code sealed[context]clear} (and opens only
 * that), a step's code is the step's last six digits, recovery codes hash to {@code #code}. Real time
 * stands at {@link #NOW}, step {@link #STEP}.
 */
final class SecondFactorWorld {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final long STEP = 59_873_520L;

    final Users users = mock(Users.class);
    final SecondFactors secondFactors = mock(SecondFactors.class);
    final TotpCodes totp = mock(TotpCodes.class);
    final SecretSealing sealing = mock(SecretSealing.class);
    final Transactions transactions = InlineTransactions.mocked();
    final ActivityLog activityLog = mock(ActivityLog.class);
    final Clock clock = Clock.fixed(NOW.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    final Clock realTime = Clock.fixed(NOW, ZoneOffset.UTC);
    final Sessions sessions = new Sessions(users, realTime, Duration.ofSeconds(5), 100);

    SecondFactorWorld() {
        lenient().when(sealing.seal(anyString(), anyString()))
                .thenAnswer(call -> "sealed[" + call.getArgument(1) + "]" + call.getArgument(0));
        lenient().when(sealing.open(anyString(), anyString())).thenAnswer(call -> {
            String prefix = "sealed[" + call.getArgument(1) + "]";
            String sealed = call.getArgument(0);
            if (!sealed.startsWith(prefix)) {
                throw new IllegalStateException("does not open");
            }
            return sealed.substring(prefix.length());
        });
        lenient().when(totp.codeAt(anyString(), anyLong()))
                .thenAnswer(call -> String.format("%06d", (Long) call.getArgument(1) % 1_000_000));
        lenient().when(totp.recoveryCodeHash(anyString())).thenAnswer(call -> "#" + call.getArgument(0));
    }

    static String codeAt(long step) {
        return String.format("%06d", step % 1_000_000);
    }

    SecondFactorAuthentication service(SecondFactorRequirement requirement) {
        return new SecondFactorAuthentication(secondFactors, users, totp, sealing, transactions, activityLog, sessions,
                requirement, clock, realTime);
    }
}
