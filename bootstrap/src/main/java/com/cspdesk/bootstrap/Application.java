package com.cspdesk.bootstrap;

import io.micronaut.runtime.Micronaut;

import java.util.TimeZone;

public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // Every instant is stored and shown in UTC; the machine's zone must never leak in.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
