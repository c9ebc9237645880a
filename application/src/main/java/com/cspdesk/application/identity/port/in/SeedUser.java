package com.cspdesk.application.identity.port.in;

/**
 * Start-up provisioning: the first global admin from configuration and, in sandbox mode, the
 * demo users. Creates the user when absent and leaves an existing one alone.
 */
public interface SeedUser {

    CreateUser.CreateUserResult ensure(NewUser user);

    /** Whether anybody can sign in yet (start-up warns when nobody can); no actor: nobody is signed in at start-up. */
    boolean anyUser();
}
