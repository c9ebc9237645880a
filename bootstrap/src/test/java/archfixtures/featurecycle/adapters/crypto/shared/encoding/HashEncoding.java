package archfixtures.featurecycle.adapters.crypto.shared.encoding;

import archfixtures.featurecycle.adapters.crypto.passwords.Argon2Hashes;

/**
 * Violation: shared and passwords use each other (passwords -> shared, shared.encoding -> passwords),
 * although no two single packages form a cycle.
 */
public class HashEncoding {

    public Argon2Hashes use() {
        return new Argon2Hashes();
    }
}
