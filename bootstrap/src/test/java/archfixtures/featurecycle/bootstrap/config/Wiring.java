package archfixtures.featurecycle.bootstrap.config;

import archfixtures.featurecycle.bootstrap.demo.DemoData;

public class Wiring {

    public DemoData use() {
        return new DemoData();
    }
}
