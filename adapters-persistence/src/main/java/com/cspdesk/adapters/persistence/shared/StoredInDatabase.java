package com.cspdesk.adapters.persistence.shared;

import io.micronaut.context.annotation.Requires;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every bean of this adapter that needs the database: none of them is made when the product
 * runs on the memory adapter ({@code CSPDESK_PERSISTENCE=memory}), so the ports have one adapter
 * each and nothing asks for a connection.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Requires(property = StoredInDatabase.PERSISTENCE, notEquals = StoredInDatabase.MEMORY)
public @interface StoredInDatabase {

    /** The setting ({@code CSPDESK_PERSISTENCE}) that chooses the adapter keeping the data. */
    String PERSISTENCE = "cspdesk.persistence";
    String MEMORY = "memory";
}
