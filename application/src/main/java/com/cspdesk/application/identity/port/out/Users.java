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

    /** Counts users holding the role, locking them so two concurrent deletes cannot both pass. */
    long countWithRoleForUpdate(Role role);
}
