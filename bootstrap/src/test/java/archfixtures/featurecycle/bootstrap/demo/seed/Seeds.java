package archfixtures.featurecycle.bootstrap.demo.seed;

import archfixtures.featurecycle.bootstrap.config.Wiring;

/**
 * Violation: demo and config use each other (config -> demo, demo.seed -> config),
 * although no two single packages form a cycle.
 */
public class Seeds {

    public Wiring use() {
        return new Wiring();
    }
}
