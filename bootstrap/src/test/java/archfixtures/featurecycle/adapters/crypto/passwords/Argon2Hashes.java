package archfixtures.featurecycle.adapters.crypto.passwords;

import archfixtures.featurecycle.adapters.crypto.shared.Bytes;

public class Argon2Hashes {

    public Bytes use() {
        return new Bytes();
    }
}
