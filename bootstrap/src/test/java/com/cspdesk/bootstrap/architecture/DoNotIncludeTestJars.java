package com.cspdesk.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Leaves out classes from Maven test-jars ({@code *-tests.jar}), e.g. the adapters-persistence test-jar
 * on bootstrap's test classpath. {@link ImportOption.DoNotIncludeTests} only knows test output
 * <em>directories</em> ({@code target/test-classes}), not packaged test-jars.
 */
public final class DoNotIncludeTestJars implements ImportOption {

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return !location.matches(TEST_JAR);
    }
}
