package com.cspdesk.adapters.persistence.shared;

import java.util.List;

/** A statement built from filters, with its parameters in order: what an adapter runs and its query-plan test explains. */
public record Sql(String text, List<Object> parameters) {

    public Sql {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    public Object[] parameterArray() {
        return parameters.toArray();
    }
}
