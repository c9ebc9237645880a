package archfixtures.featurecycle.adapters.http.shared.timing;

import archfixtures.featurecycle.adapters.http.webhooks.HttpTransport;

/**
 * Violation: shared and webhooks use each other (webhooks -> shared, shared.timing -> webhooks),
 * although no two single packages form a cycle.
 */
public class Deadlines {

    public HttpTransport use() {
        return new HttpTransport();
    }
}
