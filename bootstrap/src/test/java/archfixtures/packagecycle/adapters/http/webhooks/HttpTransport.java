package archfixtures.packagecycle.adapters.http.webhooks;

import archfixtures.packagecycle.adapters.http.webhooks.address.CheckedResolver;

/** Violation: HttpTransport and CheckedResolver (packages webhooks and webhooks.address) use each other. */
public class HttpTransport {

    public CheckedResolver resolver() {
        return new CheckedResolver();
    }
}
