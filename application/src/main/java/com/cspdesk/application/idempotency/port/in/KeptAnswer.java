package com.cspdesk.application.idempotency.port.in;

import java.util.Objects;

/**
 * The first answer to an idempotent request, kept so a retry gets it again. Opaque to the core: the
 * adapter that answered encodes it (an HTTP adapter its status, headers and body) and decodes it
 * when it replays.
 */
public record KeptAnswer(String value) {

    public KeptAnswer {
        Objects.requireNonNull(value, "value");
    }
}
