/**
 * The crypto adapter: the outgoing ports that are cryptography rather than storage — password
 * hashes (Argon2id), download-token signatures (HMAC-SHA256), secrets sealed at rest (Tink AEAD,
 * {@code cspdesk.keys.keyset}) and product keys from a secure random source. Whatever adapter keeps
 * the data (JDBC or memory) uses these through their ports, so swapping the store leaves them alone.
 */
package com.cspdesk.adapters.crypto;
