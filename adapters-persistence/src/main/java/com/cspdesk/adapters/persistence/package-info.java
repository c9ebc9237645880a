/**
 * The persistence adapter: MySQL through Micronaut Data JDBC (H2 in MySQL mode for the embedded
 * demo), Flyway migrations, and the outgoing ports that keep things at rest. Only storage lives
 * here: hashing, signing and sealing are {@code adapters.crypto}'s (reached through their ports —
 * the product-key vault seals through {@code SecretSealing}), the software files and content
 * sniffing {@code adapters.files}'s, so swapping the store (e.g. for {@code adapters.memory})
 * leaves them alone. No adapter depends on another (ArchUnit).
 */
package com.cspdesk.adapters.persistence;
