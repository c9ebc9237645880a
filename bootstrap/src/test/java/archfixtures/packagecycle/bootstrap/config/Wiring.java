package archfixtures.packagecycle.bootstrap.config;

import archfixtures.packagecycle.bootstrap.config.demo.DemoData;

/** Violation: Wiring and DemoData (packages config and config.demo) use each other. */
public class Wiring {

    public DemoData next() {
        return new DemoData();
    }
}
