package com.cspdesk.bench;

/**
 * Where a product instance connects: a JDBC URL and its credentials, as the operator's environment gives
 * them ({@code DATASOURCES_DEFAULT_*}). One throwaway MariaDB ({@link Db}) or a Galera cluster's
 * multi-host URL ({@link Cluster}).
 */
interface Database {

    String jdbcUrl();

    String username();

    String password();

    /** A URL and credentials as they are. */
    static Database of(String jdbcUrl, String username, String password) {
        record Given(String jdbcUrl, String username, String password) implements Database {
        }
        return new Given(jdbcUrl, username, password);
    }
}
