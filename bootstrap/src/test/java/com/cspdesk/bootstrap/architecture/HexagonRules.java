package com.cspdesk.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.cspdesk.bootstrap.architecture.ModulePackages.Granularity;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.Architectures.OnionArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules of the hexagon (see {@code design/architecture.md}, section "Rules that ArchUnit checks"),
 * each built for a root package so that the very same rule objects run against the product
 * ({@code com.cspdesk}, see {@link ArchitectureTest}) and against the fixtures under {@code archfixtures}
 * (see {@link HexagonRulesFixtureTest}), where each rule is shown to fail on a deliberate violation.
 *
 * <p>Package conventions below {@code root}:
 * <ul>
 *   <li>{@code domain..} — JDK only;</li>
 *   <li>{@code application.<feature>} services, {@code application.<feature>.port.in} use-case interfaces
 *       with their command/result records and exceptions, {@code application.<feature>.port.out} outgoing
 *       ports;</li>
 *   <li>{@code adapters.<name>..} for each of {@link #ADAPTERS} — the adapters (web, persistence, crypto,
 *       files, memory, http), each its own layer;</li>
 *   <li>{@code bootstrap..} — the composition root, outside the onion.</li>
 * </ul>
 *
 * <p>All rules keep ArchUnit's default {@code archRule.failOnEmptyShould=true}: a rule whose classes are
 * all missing fails instead of passing vacuously. No rule uses {@code allowEmptyShould(true)} and no
 * layer is optional.
 */
public final class HexagonRules {

    /**
     * The adapters, as sub-packages of {@code root.adapters}, one Maven module each. A new adapter must be
     * added here (until it is, "every class belongs to a layer" fails on it), and the fixtures under
     * {@code archfixtures} need a class of it in {@code clean} and a cycle of it in each cycle fixture.
     */
    public static final List<String> ADAPTERS = List.of("web", "persistence", "crypto", "files", "memory", "http");

    /** The modules, as package suffixes of the root. Cycle rules are generated for each. */
    public static final List<String> MODULES = Stream.of(
                    Stream.of("domain", "application"),
                    ADAPTERS.stream().map(adapter -> "adapters." + adapter),
                    Stream.of("bootstrap"))
            .flatMap(modules -> modules)
            .toList();

    public static final String DOMAIN_DEPENDS_ONLY_ON_JDK = "domain depends only on the JDK";
    public static final String APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK =
            "application depends only on domain and the JDK";
    public static final String ADAPTERS_ARE_INDEPENDENT = "no adapter depends on another adapter";
    public static final String NOTHING_DEPENDS_ON_BOOTSTRAP = "nothing outside bootstrap depends on bootstrap";
    public static final String WEB_USES_ONLY_INCOMING_PORTS =
            "web reaches the application only through incoming ports";
    public static final String INCOMING_PORTS_HOLD_ONLY_CONTRACTS =
            "incoming-port packages hold only interfaces, records, enums and exceptions";
    public static final String USE_CASES_ARE_NOT_NAMED_SERVICE_OR_IMPL =
            "use-case interfaces are not named ...Service or ...Impl";
    public static final String LAYERED_ARCHITECTURE = "layered architecture";
    public static final String EVERY_CLASS_IN_A_LAYER = "every class belongs to a layer";
    public static final String ONION_ARCHITECTURE = "onion architecture";

    private static final String DOMAIN = "Domain";
    private static final String APPLICATION = "Application";
    private static final String BOOTSTRAP = "Bootstrap";

    private static final String BECAUSE = "design/architecture.md says so";

    private HexagonRules() {
    }

    /** A rule with a short, stable name (for test display names and fixture expectations). */
    public record NamedRule(String name, ArchRule rule) {

        public void check(JavaClasses classes) {
            rule.check(classes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static String noPackageCyclesIn(String module) {
        return "no cycles between packages of " + module;
    }

    public static String noTopLevelPackageCyclesIn(String module) {
        return "no cycles between top-level packages of " + module;
    }

    /** Every rule, freshly built for {@code root}, in a stable order. */
    public static List<NamedRule> rules(String root) {
        List<NamedRule> rules = new ArrayList<>(List.of(
                new NamedRule(DOMAIN_DEPENDS_ONLY_ON_JDK, domainDependsOnlyOnJdk(root)),
                new NamedRule(APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK, applicationDependsOnlyOnDomainAndJdk(root)),
                new NamedRule(ADAPTERS_ARE_INDEPENDENT, adaptersAreIndependent(root)),
                new NamedRule(NOTHING_DEPENDS_ON_BOOTSTRAP, nothingDependsOnBootstrap(root)),
                new NamedRule(WEB_USES_ONLY_INCOMING_PORTS, webUsesOnlyIncomingPorts(root)),
                new NamedRule(INCOMING_PORTS_HOLD_ONLY_CONTRACTS, incomingPortsHoldOnlyContracts(root)),
                new NamedRule(USE_CASES_ARE_NOT_NAMED_SERVICE_OR_IMPL, useCasesAreNotNamedServiceOrImpl(root)),
                new NamedRule(LAYERED_ARCHITECTURE, layeredArchitectureOf(root)),
                new NamedRule(EVERY_CLASS_IN_A_LAYER, everyClassBelongsToALayer(root)),
                new NamedRule(ONION_ARCHITECTURE, onionArchitectureOf(root))));
        for (String module : MODULES) {
            rules.add(new NamedRule(noPackageCyclesIn(module), noPackageCycles(root, module)));
        }
        for (String module : MODULES) {
            rules.add(new NamedRule(noTopLevelPackageCyclesIn(module), noTopLevelPackageCycles(root, module)));
        }
        return List.copyOf(rules);
    }

    // --- 1. domain: JDK only; application: domain and JDK only (no Micronaut, no jakarta/javax annotations)

    public static ArchRule domainDependsOnlyOnJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because(BECAUSE + ": the domain depends on the JDK only");
    }

    public static ArchRule applicationDependsOnlyOnDomainAndJdk(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
                .because(BECAUSE + ": the application depends on domain and the JDK only,"
                        + " no Micronaut, no jakarta.* or javax.* annotations");
    }

    // --- 2. adapters are independent of each other; nothing depends on bootstrap

    public static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because(BECAUSE + ": no adapter depends on another adapter");
    }

    public static ArchRule nothingDependsOnBootstrap(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .because(BECAUSE + ": bootstrap is the composition root and nothing depends on it");
    }

    // --- 3. the web adapter reaches the application only through incoming ports

    public static ArchRule webUsesOnlyIncomingPorts(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.web..")
                .should().dependOnClassesThat(resideInAPackage(root + ".application..")
                        .and(not(resideInAPackage(root + ".application..port.in..")))
                        .as("are application classes outside of ..port.in.. (services, outgoing ports)"))
                .because(BECAUSE + ": controllers call incoming ports only");
    }

    /**
     * Keeps {@link #webUsesOnlyIncomingPorts(String)} honest: without it a service moved into
     * {@code port.in} would be reachable from the web adapter. Synthetic classes (e.g. the switch map
     * javac emits for a {@code switch} over an enum) are compiler artefacts, not design.
     */
    public static ArchRule incomingPortsHoldOnlyContracts(String root) {
        return classes().that().resideInAPackage(root + ".application..port.in..")
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().beInterfaces()
                .orShould().beRecords()
                .orShould().beEnums()
                .orShould().beAssignableTo(Throwable.class)
                .because(BECAUSE + ": incoming ports are use-case interfaces with their command/result"
                        + " records and exceptions; services live outside port.in");
    }

    /** Optional style rule: use cases carry business names ({@code PlaceOrder}), not {@code OrderService}. */
    public static ArchRule useCasesAreNotNamedServiceOrImpl(String root) {
        return noClasses().that().resideInAPackage(root + ".application..port.in..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleNameEndingWith("Impl")
                .because(BECAUSE + ": one use case per incoming port, named from the business");
    }

    // --- 5./6. the layers as a whole

    /** The layers (one per adapter); a fresh object on every call because {@link LayeredArchitecture} is mutable. */
    private static LayeredArchitecture layers(String root) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(DOMAIN).definedBy(root + ".domain..")
                .layer(APPLICATION).definedBy(root + ".application..");
        for (String adapter : ADAPTERS) {
            layers = layers.layer(adapterLayer(adapter)).definedBy(root + ".adapters." + adapter + "..");
        }
        return layers.layer(BOOTSTRAP).definedBy(root + ".bootstrap..");
    }

    private static String adapterLayer(String adapter) {
        return "Adapter " + adapter;
    }

    public static ArchRule layeredArchitectureOf(String root) {
        LayeredArchitecture layered = layers(root)
                .whereLayer(DOMAIN).mayNotAccessAnyLayer()
                .whereLayer(APPLICATION).mayOnlyAccessLayers(DOMAIN);
        for (String adapter : ADAPTERS) {
            layered = layered.whereLayer(adapterLayer(adapter)).mayOnlyAccessLayers(APPLICATION, DOMAIN);
        }
        return layered.whereLayer(BOOTSTRAP).mayNotBeAccessedByAnyLayer()
                .because(BECAUSE + ": the module table");
    }

    public static ArchRule everyClassBelongsToALayer(String root) {
        return layers(root).ensureAllClassesAreContainedInArchitecture()
                .because(BECAUSE + ": no package slips past the rules");
    }

    /**
     * The onion's two inner rings, domain models and domain services, are both {@code domain..}: the
     * design puts policies (the onion's domain services) in the domain module next to value objects and
     * aggregates, and we do not split them by naming convention. Declaring the domain-service ring
     * (instead of {@code withOptionalLayers(true)}) keeps ArchUnit's "layer must not be empty" check on
     * for every ring, so the rule cannot pass on a missing domain, application or adapter.
     */
    public static ArchRule onionArchitectureOf(String root) {
        OnionArchitecture onion = onionArchitecture()
                .domainModels(root + ".domain..")
                .domainServices(root + ".domain..")
                .applicationServices(root + ".application..");
        for (String adapter : ADAPTERS) {
            onion = onion.adapter(adapter, root + ".adapters." + adapter + "..");
        }
        return onion
                // bootstrap is the composition root outside the onion: it may wire everything together
                .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue())
                .because(BECAUSE + ": dependencies point inwards");
    }

    // --- 4. no cycles between packages inside a module

    public static ArchRule noPackageCycles(String root, String module) {
        return slices().assignedFrom(new ModulePackages(root + "." + module, Granularity.EVERY_PACKAGE))
                .should().beFreeOfCycles()
                .because(BECAUSE + ": no cycles between packages inside a module");
    }

    public static ArchRule noTopLevelPackageCycles(String root, String module) {
        return slices().assignedFrom(new ModulePackages(root + "." + module, Granularity.TOP_LEVEL_PACKAGES))
                .should().beFreeOfCycles()
                .because(BECAUSE + ": no cycles between the features (top-level packages) of a module");
    }
}
