package com.cspdesk.application.identity.port.out;

/** A slow, salted, one-way password hash (the library and its cost are the adapter's). */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
