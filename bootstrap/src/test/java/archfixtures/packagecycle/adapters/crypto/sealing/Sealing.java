package archfixtures.packagecycle.adapters.crypto.sealing;

import archfixtures.packagecycle.adapters.crypto.sealing.keyset.Keyset;

/** Violation: Sealing and Keyset (packages sealing and sealing.keyset) use each other. */
public class Sealing {

    public Keyset next() {
        return new Keyset();
    }
}
