package com.cspdesk.adapters.memory.keys;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.shared.port.out.SecretSealing;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The product's sealing (Tink, adapters-crypto) is not on this module's class path: a stand-in, not
 * encryption, but a visibly different form bound to its context, so the contract sees the vault keep
 * and open only sealed values.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class StandInSealing implements SecretSealing {

    @Override
    public String seal(String clearText, String context) {
        return Base64.getEncoder().encodeToString((context + "|" + new StringBuilder(clearText).reverse())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String sealed, String context) {
        String opened = new String(Base64.getDecoder().decode(sealed), StandardCharsets.UTF_8);
        if (!opened.startsWith(context + "|")) {
            throw new IllegalStateException("does not open under " + context);
        }
        return new StringBuilder(opened.substring(context.length() + 1)).reverse().toString();
    }
}
