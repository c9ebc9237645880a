package com.cspdesk.bootstrap.architecture;

import static com.cspdesk.bootstrap.architecture.AccessRules.NO_DOMAIN_TYPES_IN_HTTP_SHAPES;
import static com.cspdesk.bootstrap.architecture.AccessRules.NO_ROLE_CONSTANTS_IN_ADAPTERS;
import static com.cspdesk.bootstrap.architecture.AccessRules.SECURED_ONLY_OPENS_ROUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.cspdesk.bootstrap.architecture.HexagonRules.NamedRule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link AccessRules} on the product, and each rule shown to bite: it passes on
 * {@code archfixtures.access.clean} and fails on the fixture that breaks it, naming the offenders,
 * while the other rules leave that fixture alone.
 */
class AccessRulesTest {

    private static final String FIXTURES = "archfixtures.access.";

    /** Each rule's fixture and the names its failure must mention. */
    private static final Map<String, Map.Entry<String, List<String>>> VIOLATIONS = Map.of(
            NO_ROLE_CONSTANTS_IN_ADAPTERS, Map.entry("roleconstant", List.of(
                    "archfixtures.access.roleconstant.adapters.web.orders.OrdersController",
                    "archfixtures.access.roleconstant.domain.identity.Role.ADMIN_AGENT")),
            SECURED_ONLY_OPENS_ROUTES, Map.entry("securedroles", List.of(
                    "archfixtures.access.securedroles.adapters.web.orders.OrdersController.place()",
                    "ADMIN_AGENT, GLOBAL_ADMIN",
                    "archfixtures.access.securedroles.adapters.web.orders.InvoicesController is @Secured([ACCOUNT_ADMIN])")),
            NO_DOMAIN_TYPES_IN_HTTP_SHAPES, Map.entry("domaininjson", List.of(
                    "OrdersController$OrderResponse.total is of archfixtures.access.domaininjson.domain.money.Money",
                    "OrdersController$LineJson.charges is of archfixtures.access.domaininjson.domain.money.Money")));

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURES + name);
    }

    @TestFactory
    Stream<DynamicTest> theProductFollowsTheRules() {
        JavaClasses product = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages(ArchitectureTest.ROOT);
        return AccessRules.rules(ArchitectureTest.ROOT).stream()
                .map(rule -> dynamicTest(rule.name(), () -> rule.check(product)));
    }

    @TestFactory
    Stream<DynamicTest> theCleanFixturePassesEveryRule() {
        JavaClasses clean = fixture("clean");
        return AccessRules.rules(FIXTURES + "clean").stream()
                .map(rule -> dynamicTest(rule.name(), () -> rule.check(clean)));
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnItsFixtureOnly() {
        return VIOLATIONS.entrySet().stream().flatMap(violation -> {
            String fixture = violation.getValue().getKey();
            JavaClasses classes = fixture(fixture);
            return AccessRules.rules(FIXTURES + fixture).stream().map(rule -> rule.name().equals(violation.getKey())
                    ? dynamicTest(fixture + " fails: " + rule.name(), () -> assertThatThrownBy(() -> rule.check(classes))
                            .isInstanceOf(AssertionError.class).message().contains(violation.getValue().getValue()))
                    : dynamicTest(fixture + " passes: " + rule.name(), () -> rule.check(classes)));
        });
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        assertThat(VIOLATIONS.keySet()).containsExactlyInAnyOrderElementsOf(
                AccessRules.rules("any").stream().map(NamedRule::name).collect(Collectors.toSet()));
    }
}
