package com.cspdesk.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Cuts one module (a base package such as {@code com.cspdesk.domain}) into slices for the cycle rules.
 *
 * <p>Unlike {@code slices().matching("com.cspdesk.domain.(*)..")}, the module's own base package is a
 * slice too. So a module that has only its base package still yields one slice (the rule is not empty,
 * and ArchUnit's fail-on-empty stays meaningful: it fires only when the module has no class at all), and a
 * cycle between the base package and a sub-package is reported. Classes outside the module are ignored.
 */
final class ModulePackages implements SliceAssignment {

    enum Granularity {
        /** Every package is its own slice: {@code domain}, {@code domain.order}, {@code domain.order.line}. */
        EVERY_PACKAGE,
        /** The base package, then one slice per top-level sub-package with everything beneath it. */
        TOP_LEVEL_PACKAGES
    }

    private final String modulePackage;
    private final Granularity granularity;

    ModulePackages(String modulePackage, Granularity granularity) {
        this.modulePackage = modulePackage;
        this.granularity = granularity;
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (packageName.equals(modulePackage)) {
            return SliceIdentifier.of(modulePackage);
        }
        if (!packageName.startsWith(modulePackage + ".")) {
            return SliceIdentifier.ignore();
        }
        if (granularity == Granularity.EVERY_PACKAGE) {
            return SliceIdentifier.of(packageName);
        }
        String below = packageName.substring(modulePackage.length() + 1);
        int dot = below.indexOf('.');
        return SliceIdentifier.of(modulePackage + "." + (dot < 0 ? below : below.substring(0, dot)));
    }

    @Override
    public String getDescription() {
        return granularity == Granularity.EVERY_PACKAGE
                ? "every package of " + modulePackage
                : modulePackage + " and each of its top-level sub-packages (with everything beneath)";
    }
}
