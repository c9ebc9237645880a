package archfixtures.featurecycle.adapters.http.webhooks;

import archfixtures.featurecycle.adapters.http.shared.Bounds;

public class HttpTransport {

    public Bounds use() {
        return new Bounds();
    }
}
