package com.cspdesk.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
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
        assertThat(PRODUCTION_CLASSES.stream().map(JavaClass::getSource).flatMap(java.util.Optional::stream))
                .allSatisfy(source -> assertThat(source.getUri().toString())
                        .doesNotContain("/test-classes/")
                        .doesNotContain("-tests.jar!"));
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
