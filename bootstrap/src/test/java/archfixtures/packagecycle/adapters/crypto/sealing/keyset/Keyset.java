package archfixtures.packagecycle.adapters.crypto.sealing.keyset;

import archfixtures.packagecycle.adapters.crypto.sealing.Sealing;

public class Keyset {

    public Sealing back() {
        return new Sealing();
    }
}
