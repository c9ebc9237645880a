package archfixtures.packagecycle.bootstrap.config.demo;

import archfixtures.packagecycle.bootstrap.config.Wiring;

public class DemoData {

    public Wiring back() {
        return new Wiring();
    }
}
