package com.cspdesk.bootstrap.architecture;

import static com.cspdesk.bootstrap.architecture.HexagonRules.ADAPTERS_ARE_INDEPENDENT;
import static com.cspdesk.bootstrap.architecture.HexagonRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK;
import static com.cspdesk.bootstrap.architecture.HexagonRules.DOMAIN_DEPENDS_ONLY_ON_JDK;
import static com.cspdesk.bootstrap.architecture.HexagonRules.EVERY_CLASS_IN_A_LAYER;
import static com.cspdesk.bootstrap.architecture.HexagonRules.INCOMING_PORTS_HOLD_ONLY_CONTRACTS;
import static com.cspdesk.bootstrap.architecture.HexagonRules.LAYERED_ARCHITECTURE;
import static com.cspdesk.bootstrap.architecture.HexagonRules.MODULES;
import static com.cspdesk.bootstrap.architecture.HexagonRules.NOTHING_DEPENDS_ON_BOOTSTRAP;
import static com.cspdesk.bootstrap.architecture.HexagonRules.ONION_ARCHITECTURE;
import static com.cspdesk.bootstrap.architecture.HexagonRules.USE_CASES_ARE_NOT_NAMED_SERVICE_OR_IMPL;
import static com.cspdesk.bootstrap.architecture.HexagonRules.WEB_USES_ONLY_INCOMING_PORTS;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.cspdesk.bootstrap.architecture.HexagonRules.NamedRule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Shows that every rule of {@link HexagonRules} bites: it passes on {@code archfixtures.clean}, a small
 * but complete hexagon, and fails on the fixture root that commits its violation, naming the offending
 * classes. It also shows each violation is reported by exactly the rules listed for it (no other rule
 * mentions the offenders), and that every rule has at least one such violation.
 *
 * <p>The violation fixtures are minimal: rules about layers they lack may also fail there, for being
 * empty. That is ArchUnit's fail-on-empty default at work and is why the offenders, not just the
 * failure, are asserted.
 */
class HexagonRulesFixtureTest {

    private static final String FIXTURES = "archfixtures";

    /**
     * One deliberate violation: the fixture root and, for each rule that must report it, the names that
     * rule's failure message must contain. No other rule may mention any of these names.
     */
    private record Violation(String fixture, Map<String, List<String>> reports) {

        /** Every listed rule must name every offender. */
        Violation(String fixture, Set<String> reportedBy, List<String> offenders) {
            this(fixture, reportedBy.stream().collect(toMap(rule -> rule, rule -> offenders)));
        }

        /** One cycle per module; the module's cycle rule must name the classes of its own cycle. */
        static Violation cyclePerModule(String fixture, Function<String, String> ruleOfModule, List<String> offenders) {
            return new Violation(fixture, MODULES.stream().collect(toMap(ruleOfModule, module -> offenders.stream()
                    .filter(name -> name.startsWith(FIXTURES + "." + fixture + "." + module + "."))
                    .toList())));
        }

        String root() {
            return FIXTURES + "." + fixture;
        }

        List<String> allOffenders() {
            return reports.values().stream().flatMap(List::stream).distinct().toList();
        }
    }

    private static final List<Violation> VIOLATIONS = List.of(
            new Violation("domainusesframework",
                    Set.of(DOMAIN_DEPENDS_ONLY_ON_JDK),
                    List.of("archfixtures.domainusesframework.domain.Sku",
                            "io.micronaut.core.util.StringUtils", "jakarta.annotation.Nullable")),
            new Violation("domainusesapplication",
                    Set.of(DOMAIN_DEPENDS_ONLY_ON_JDK, LAYERED_ARCHITECTURE, ONION_ARCHITECTURE),
                    List.of("archfixtures.domainusesapplication.domain.Order",
                            "archfixtures.domainusesapplication.application.order.port.out.Orders")),
            new Violation("applicationusesframework",
                    Set.of(APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK),
                    List.of("archfixtures.applicationusesframework.application.order.PlacingOrders",
                            "jakarta.annotation.Nullable", "io.micronaut.core.annotation.NonNull")),
            new Violation("applicationusesadapter",
                    Set.of(APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK, LAYERED_ARCHITECTURE, ONION_ARCHITECTURE),
                    List.of("archfixtures.applicationusesadapter.application.order.PlacingOrders",
                            "archfixtures.applicationusesadapter.adapters.persistence.JdbcOrders")),
            new Violation("adapterusesadapter",
                    Set.of(ADAPTERS_ARE_INDEPENDENT, LAYERED_ARCHITECTURE, ONION_ARCHITECTURE),
                    List.of("archfixtures.adapterusesadapter.adapters.persistence.OrderRows",
                            "archfixtures.adapterusesadapter.adapters.web.OrderJson")),
            new Violation("dependsonbootstrap",
                    Set.of(NOTHING_DEPENDS_ON_BOOTSTRAP, LAYERED_ARCHITECTURE),
                    List.of("archfixtures.dependsonbootstrap.adapters.web.WelcomeController",
                            "archfixtures.dependsonbootstrap.bootstrap.DemoSettings")),
            new Violation("webusesportout",
                    Set.of(WEB_USES_ONLY_INCOMING_PORTS),
                    List.of("archfixtures.webusesportout.adapters.web.OrderController",
                            "archfixtures.webusesportout.application.order.port.out.Orders")),
            new Violation("webusesservice",
                    Set.of(WEB_USES_ONLY_INCOMING_PORTS),
                    List.of("archfixtures.webusesservice.adapters.web.OrderController",
                            "archfixtures.webusesservice.application.order.PlacingOrders")),
            new Violation("serviceinportin",
                    Set.of(INCOMING_PORTS_HOLD_ONLY_CONTRACTS),
                    List.of("archfixtures.serviceinportin.application.order.port.in.PlacingOrders")),
            new Violation("misnamedusecase",
                    Set.of(USE_CASES_ARE_NOT_NAMED_SERVICE_OR_IMPL),
                    List.of("archfixtures.misnamedusecase.application.order.port.in.OrderService",
                            "archfixtures.misnamedusecase.application.order.port.in.CancelOrderImpl")),
            new Violation("strayclass",
                    Set.of(EVERY_CLASS_IN_A_LAYER),
                    List.of("archfixtures.strayclass.misc.Helper",
                            "archfixtures.strayclass.RootLevelUtil",
                            "archfixtures.strayclass.adapters.mail.MailSender")),
            Violation.cyclePerModule("packagecycle", HexagonRules::noPackageCyclesIn,
                    List.of("archfixtures.packagecycle.domain.order.Order",
                            "archfixtures.packagecycle.domain.order.line.OrderLine",
                            "archfixtures.packagecycle.application.order.PlacingOrders",
                            "archfixtures.packagecycle.application.order.port.in.PlaceOrder",
                            "archfixtures.packagecycle.adapters.web.order.OrderController",
                            "archfixtures.packagecycle.adapters.web.order.json.OrderJson",
                            "archfixtures.packagecycle.adapters.persistence.order.JdbcOrders",
                            "archfixtures.packagecycle.adapters.persistence.order.row.OrderRow",
                            "archfixtures.packagecycle.adapters.crypto.sealing.Sealing",
                            "archfixtures.packagecycle.adapters.crypto.sealing.keyset.Keyset",
                            "archfixtures.packagecycle.adapters.files.store.FolderStore",
                            "archfixtures.packagecycle.adapters.files.store.path.SafePath",
                            "archfixtures.packagecycle.adapters.memory.order.MemoryOrders",
                            "archfixtures.packagecycle.adapters.memory.order.row.StoredOrder",
                            "archfixtures.packagecycle.adapters.http.webhooks.HttpTransport",
                            "archfixtures.packagecycle.adapters.http.webhooks.address.CheckedResolver",
                            "archfixtures.packagecycle.bootstrap.config.Wiring",
                            "archfixtures.packagecycle.bootstrap.config.demo.DemoData")),
            Violation.cyclePerModule("featurecycle", HexagonRules::noTopLevelPackageCyclesIn,
                    List.of("archfixtures.featurecycle.domain.order.Order",
                            "archfixtures.featurecycle.domain.pricing.tax.TaxRule",
                            "archfixtures.featurecycle.application.order.PlacingOrders",
                            "archfixtures.featurecycle.application.billing.InvoiceRun",
                            "archfixtures.featurecycle.adapters.web.order.OrderController",
                            "archfixtures.featurecycle.adapters.web.problem.mapping.OrderProblems",
                            "archfixtures.featurecycle.adapters.persistence.order.JdbcOrders",
                            "archfixtures.featurecycle.adapters.persistence.shared.mapping.Rows",
                            "archfixtures.featurecycle.adapters.crypto.passwords.Argon2Hashes",
                            "archfixtures.featurecycle.adapters.crypto.shared.encoding.HashEncoding",
                            "archfixtures.featurecycle.adapters.files.software.FolderStore",
                            "archfixtures.featurecycle.adapters.files.shared.naming.FileNames",
                            "archfixtures.featurecycle.adapters.memory.order.MemoryOrders",
                            "archfixtures.featurecycle.adapters.memory.shared.undo.OrderUndo",
                            "archfixtures.featurecycle.adapters.http.webhooks.HttpTransport",
                            "archfixtures.featurecycle.adapters.http.shared.timing.Deadlines",
                            "archfixtures.featurecycle.bootstrap.config.Wiring",
                            "archfixtures.featurecycle.bootstrap.demo.seed.Seeds")));

    private static final Map<String, JavaClasses> IMPORTED = new HashMap<>();

    private static JavaClasses classesOf(String root) {
        return IMPORTED.computeIfAbsent(root, packageName -> new ClassFileImporter().importPackages(packageName));
    }

    @TestFactory
    Stream<DynamicTest> cleanFixturePassesEveryRule() {
        JavaClasses clean = classesOf(FIXTURES + ".clean");
        return HexagonRules.rules(FIXTURES + ".clean").stream()
                .map(rule -> dynamicTest(rule.name(), () -> rule.check(clean)));
    }

    @TestFactory
    Stream<DynamicNode> eachViolationIsReportedByExactlyItsRules() {
        return VIOLATIONS.stream().map(violation -> {
            JavaClasses classes = classesOf(violation.root());
            assertThat(classes).as("fixture %s", violation.root()).isNotEmpty();
            List<DynamicNode> checks = new ArrayList<>();
            for (NamedRule rule : HexagonRules.rules(violation.root())) {
                List<String> mustName = violation.reports().get(rule.name());
                if (mustName != null) {
                    checks.add(dynamicTest("fails: " + rule.name(), () -> {
                        assertThat(mustName).isNotEmpty();
                        assertThatThrownBy(() -> rule.check(classes))
                                .isInstanceOf(AssertionError.class)
                                .message().contains(mustName);
                    }));
                } else {
                    checks.add(dynamicTest("does not report it: " + rule.name(), () -> {
                        try {
                            rule.check(classes);
                        } catch (AssertionError failure) {
                            // e.g. "Layer 'Bootstrap' is empty" on a minimal fixture; but never our offenders
                            assertThat(failure.getMessage()).doesNotContain(violation.allOffenders());
                        }
                    }));
                }
            }
            return dynamicContainer(violation.fixture(), checks);
        });
    }

    @Test
    void cleanFixtureHoldsTheCasesThatMustNotBeFlagged() {
        JavaClasses clean = classesOf(FIXTURES + ".clean");
        String portIn = FIXTURES + ".clean.application.order.port.in.";
        // javac's switch map for a switch over an enum: a synthetic class inside port.in
        assertThat(clean.get(portIn + "PlaceOrder$1").getModifiers()).contains(JavaModifier.SYNTHETIC);
        // package-info is a class file (an interface) and its package's rules apply to it
        assertThat(clean.containPackage(FIXTURES + ".clean.application.order.port.in")).isTrue();
        assertThat(clean.contain(portIn + "package-info")).isTrue();
        assertThat(clean.get(portIn + "PlaceOrder$Result").isInterface()).isTrue();
        assertThat(clean.get(portIn + "PlaceOrder$Rejected").isRecord()).isTrue();
        assertThat(clean.get(portIn + "PlaceOrder$Reason").isEnum()).isTrue();
        assertThat(clean.get(portIn + "OrderNotFound").isAssignableTo(Throwable.class)).isTrue();
    }

    @Test
    void everyRuleHasAViolationThatMakesItFail() {
        Set<String> allRules = HexagonRules.rules("any").stream().map(NamedRule::name).collect(toSet());
        Set<String> provenRules = VIOLATIONS.stream().flatMap(v -> v.reports().keySet().stream()).collect(toSet());
        assertThat(provenRules).containsExactlyInAnyOrderElementsOf(allRules);
    }

    @Test
    void cycleRulesDistinguishPackageCyclesFromFeatureCycles() {
        // The two cycle fixtures are built so that each granularity catches only its own kind of cycle:
        // here the rules of the other granularity find slices (are not empty) and still pass.
        for (String module : MODULES) {
            HexagonRules.noTopLevelPackageCycles(FIXTURES + ".packagecycle", module)
                    .check(classesOf(FIXTURES + ".packagecycle"));
            HexagonRules.noPackageCycles(FIXTURES + ".featurecycle", module)
                    .check(classesOf(FIXTURES + ".featurecycle"));
        }
    }
}
