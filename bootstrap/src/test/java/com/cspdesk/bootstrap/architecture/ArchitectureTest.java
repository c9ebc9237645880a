package com.cspdesk.bootstrap.architecture;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the product's production classes (all modules, as bootstrap sees them) against
 * {@link HexagonRules}. Rules keep ArchUnit's fail-on-empty default, so a module or layer that has
 * no classes yet makes its rules fail rather than pass vacuously.
 */
class ArchitectureTest {

    static final String ROOT = "com.cspdesk";

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(new DoNotIncludeTestJars())
            .importPackages(ROOT);

    @TestFactory
    Stream<DynamicTest> productionCodeFollowsTheHexagon() {
        return HexagonRules.rules(ROOT).stream()
                .map(rule -> dynamicTest(rule.name(), () -> rule.check(PRODUCTION_CLASSES)));
    }

    @Test
    void importSeesProductionClassesButNoTestClasses() {
        assertThat(PRODUCTION_CLASSES.contain(com.cspdesk.bootstrap.Application.class)).isTrue();
        assertThat(PRODUCTION_CLASSES.contain(ArchitectureTest.class)).isFalse();
        assertThat(PRODUCTION_CLASSES.stream().map(JavaClass::getSource).flatMap(Optional::stream))
                .allSatisfy(source -> assertThat(source.getUri().toString())
                        .doesNotContain("/test-classes/")
                        .doesNotContain("-tests.jar!"));
    }

    @Test
    void classesOfTheAdaptersPersistenceTestJarAreLeftOut() {
        JavaClasses withTestJars = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT + ".adapters.persistence");
        Set<String> fromTestJars = withTestJars.stream()
                .filter(javaClass -> javaClass.getSource()
                        .map(source -> source.getUri().toString().contains("-tests.jar!"))
                        .orElse(false))
                .map(JavaClass::getName)
                .collect(toSet());
        // In a reactor build that stops before "package" the test-jar resolves to target/test-classes,
        // which DoNotIncludeTests already drops; then there is nothing left for our option to do.
        assumeThat(fromTestJars).as("classes from *-tests.jar on the classpath").isNotEmpty();
        assertThat(fromTestJars).noneMatch(PRODUCTION_CLASSES::contain);
    }

    @Test
    void testJarsAreLeftOutButMainJarsAndDirectoriesAreNot() {
        DoNotIncludeTestJars option = new DoNotIncludeTestJars();
        String m2 = "file:/home/dev/.m2/repository/com/cspdesk/adapters-persistence/0.1.0-SNAPSHOT/";
        assertThat(option.includes(Location.of(URI.create(
                "jar:" + m2 + "adapters-persistence-0.1.0-SNAPSHOT-tests.jar!/com/cspdesk/adapters/persistence/X.class"))))
                .isFalse();
        assertThat(option.includes(Location.of(URI.create(
                "jar:" + m2 + "adapters-persistence-0.1.0-SNAPSHOT.jar!/com/cspdesk/adapters/persistence/X.class"))))
                .isTrue();
        assertThat(option.includes(Location.of(URI.create(
                "file:/work/main/adapters-persistence/target/classes/com/cspdesk/adapters/persistence/X.class"))))
                .isTrue();
    }
}
