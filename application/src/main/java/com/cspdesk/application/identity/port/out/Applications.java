package com.cspdesk.application.identity.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registered applications (service callers) and their credentials, revoked ones kept for the
 * activity log's sake. A credential's secret is never here, only its hash and a short hint.
 */
public interface Applications {

    /** Stores a new application with its credentials; false when the id is taken. */
    boolean add(RegisteredApplication application);

    /** The application with every credential it ever had, revoked or not. */
    Optional<RegisteredApplication> find(String applicationId);

    /** Every application, revoked ones too, oldest first (then by id). */
    List<RegisteredApplication> all();

    /** Adds a credential to a live application; false when there is no such application or it is revoked. */
    boolean addCredential(String applicationId, ApplicationCredential credential);

    /** Marks the credential revoked at {@code at}; false when there is no such live credential of that application. */
    boolean revokeCredential(String applicationId, String credentialId, Instant at);

    /** Marks the application revoked at {@code at} (its credentials stay as they are); false when there is no such live one. */
    boolean revoke(String applicationId, Instant at);
}
