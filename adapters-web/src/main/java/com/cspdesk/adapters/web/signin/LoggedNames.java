package com.cspdesk.adapters.web.signin;

/** The name a sign-in was tried for, fit for a log line (API and dashboard alike); the password never is logged. */
public final class LoggedNames {

    private LoggedNames() {
    }

    /** Anything but a username's characters becomes {@code ?}, so a log line cannot be forged through it. */
    public static String of(String username) {
        return username == null ? "" : username.replaceAll("[^A-Za-z0-9._@+-]", "?");
    }
}
