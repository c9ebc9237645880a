package com.cspdesk.application.shared.port.in;

/** A continuation token that this product did not make, or made for another query: 400. */
public final class InvalidContinuationToken extends RuntimeException {

    public InvalidContinuationToken() {
        super("continuation token not recognised");
    }
}
