package com.cspdesk.application.identity.port.in;

/**
 * Start-up provisioning: the first global admin from configuration and, in sandbox mode, the
 * demo users. Creates the user when absent and leaves an existing one alone.
 */
public interface SeedUser {

    CreateUser.CreateUserResult ensure(NewUser user);
}
