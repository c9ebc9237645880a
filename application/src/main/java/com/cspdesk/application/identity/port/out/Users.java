package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.util.List;
import java.util.Optional;

/** The stored users. */
public interface Users {

    Optional<UserAccount> find(Username username);

    /** Adds the user; false when the username is taken (also when taken concurrently). */
    boolean add(UserAccount account);

    List<UserAccount> all();

    boolean remove(Username username);

    /**
     * Stores the account's roles, customer tenant and password hash over those of the stored user of
     * that name; its creation instant and session generation stay (who changes roles or a password
     * also calls {@link #endSessions}, in the same unit of work). False when there is no such user.
     */
    boolean update(UserAccount account);

    /**
     * Raises the user's session generation by one in one atomic step, so every token issued before
     * is refused; false when there is no such user. Whatever changes a user's roles or password
     * calls it too.
     */
    boolean endSessions(Username username);

    /** Counts users holding the role, locking them so two concurrent deletes cannot both pass. */
    long countWithRoleForUpdate(Role role);
}
