package com.cspdesk.bootstrap;

import io.micronaut.runtime.Micronaut;

import java.util.Locale;
import java.util.TimeZone;

public final class Application {

    /** The environment of the memory adapter (application-memory.yml: no data source, no Flyway). */
    public static final String MEMORY = "memory";

    private Application() {
    }

    public static void main(String[] args) {
        // Every instant is stored and shown in UTC; the machine's zone must never leak in.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Micronaut micronaut = Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false);
        if (onMemory()) {
            micronaut.environments(MEMORY);
        }
        micronaut.start();
    }

    /**
     * Whether {@code CSPDESK_PERSISTENCE} (or {@code -Dcspdesk.persistence}) asks for the memory
     * adapter: read before the context starts, since it decides which configuration files it reads.
     */
    static boolean onMemory() {
        String chosen = System.getProperty("cspdesk.persistence", System.getenv("CSPDESK_PERSISTENCE"));
        return chosen != null && MEMORY.equals(chosen.strip().toLowerCase(Locale.ROOT));
    }
}
