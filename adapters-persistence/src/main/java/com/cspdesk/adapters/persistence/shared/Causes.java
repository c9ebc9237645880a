package com.cspdesk.adapters.persistence.shared;

import java.util.function.Predicate;

/**
 * The one walk down an exception's cause chain that the failure classifiers of this package share (a duplicate
 * key, a write conflict, a broken link): deep enough for the driver's and the framework's wrappers, bounded so
 * that a hostile or cyclic chain cannot loop.
 */
final class Causes {

    private static final int MAX_DEPTH = 32;

    private Causes() {
    }

    /** Whether {@code failure} or anything that caused it matches. */
    static boolean any(Throwable failure, Predicate<Throwable> matches) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (matches.test(current)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
