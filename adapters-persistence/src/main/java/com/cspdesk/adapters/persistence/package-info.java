/**
 * The persistence adapter: MySQL through Micronaut Data JDBC (H2 in MySQL mode for the embedded
 * demo), Flyway migrations, and the outgoing ports that keep things at rest (including password
 * hashes).
 */
package com.cspdesk.adapters.persistence;
