package archfixtures.packagecycle.adapters.http.webhooks.address;

import archfixtures.packagecycle.adapters.http.webhooks.HttpTransport;

public class CheckedResolver {

    public HttpTransport back() {
        return new HttpTransport();
    }
}
