package archfixtures.dependsonbootstrap.adapters.web;

import archfixtures.dependsonbootstrap.bootstrap.DemoSettings;

/** Violation: an adapter reads configuration from the composition root. */
public class WelcomeController {

    public String welcome() {
        return DemoSettings.sandboxEnabled() ? "sandbox" : "live";
    }
}
