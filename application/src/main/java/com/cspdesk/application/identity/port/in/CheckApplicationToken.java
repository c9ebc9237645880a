package com.cspdesk.application.identity.port.in;

/**
 * Asked for every request made with an application's token: are the application and the credential
 * the token was got with still live? Answers from a brief per-instance memory, so a revocation made
 * on another instance takes effect within seconds (on this one at once).
 */
public interface CheckApplicationToken {

    boolean isLive(String applicationId, String credentialId);
}
