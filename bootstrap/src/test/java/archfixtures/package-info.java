/**
 * Fixtures for {@code com.cspdesk.bootstrap.architecture.HexagonRulesFixtureTest}: each sub-package is a
 * root that {@code HexagonRules.rules(root)} is checked against. {@code clean} follows every rule; every
 * other root commits one deliberate violation (named after the package). Compiled, never run. No fixture
 * carries a Micronaut bean annotation, so none of them leaks into an application context of a test.
 */
package archfixtures;
