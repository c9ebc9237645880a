package com.cspdesk.bench.bare;

import io.micronaut.runtime.Micronaut;

/**
 * The limit of the read paths: a bare Micronaut 4 app, same version and server as the product,
 * same threading (thread-selection MANUAL, handlers on the blocking pool), answering constant
 * JSON bodies of the sizes the product's answers had. No security, no database.
 *
 * <p>Run: {@code java -Dmicronaut.server.port=P -Dbare.software.bytes=N -Dbare.activity.bytes=M
 * -cp … com.cspdesk.bench.bare.BareServer}
 */
public final class BareServer {

    private BareServer() {
    }

    public static void main(String[] args) {
        System.setProperty("micronaut.server.thread-selection", "MANUAL");
        Micronaut.run(BareServer.class, args);
    }
}
