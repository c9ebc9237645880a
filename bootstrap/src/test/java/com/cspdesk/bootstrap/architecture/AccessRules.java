package com.cspdesk.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.cspdesk.bootstrap.architecture.HexagonRules.NamedRule;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * Who may do what is the core's table ({@code domain.access.Permission}), so the adapters hold no
 * role lists of their own; and the JSON the web adapter reads and writes is its own shapes, so a
 * domain type never becomes a public contract by accident. Built for a root package like
 * {@link HexagonRules}: the same rules run on the product ({@link AccessRulesTest}) and on fixtures
 * that break them on purpose.
 */
public final class AccessRules {

    public static final String NO_ROLE_CONSTANTS_IN_ADAPTERS =
            "adapters name no roles (only the web adapter's security maps the token's role names)";
    public static final String SECURED_ONLY_OPENS_ROUTES =
            "@Secured says only 'anyone' or 'any signed-in caller'; permissions come from the table";
    public static final String NO_DOMAIN_TYPES_IN_HTTP_SHAPES = "the web adapter's JSON shapes hold no domain types";

    static final String SECURED = "io.micronaut.security.annotation.Secured";
    static final String SERDEABLE = "io.micronaut.serde.annotation.Serdeable";
    private static final Set<String> OPEN = Set.of("isAnonymous()", "isAuthenticated()");
    private static final String BECAUSE = "issue #12: who may do what is decided in the core";

    private AccessRules() {
    }

    public static List<NamedRule> rules(String root) {
        return List.of(
                new NamedRule(NO_ROLE_CONSTANTS_IN_ADAPTERS, noRoleConstantsInAdapters(root)),
                new NamedRule(SECURED_ONLY_OPENS_ROUTES, securedOnlyOpensRoutes(root)),
                new NamedRule(NO_DOMAIN_TYPES_IN_HTTP_SHAPES, noDomainTypesInHttpShapes(root)));
    }

    /**
     * No adapter class reads a constant of {@code domain.identity.Role} (a role list in a controller,
     * a template's model, a query), except the web adapter's security, which turns the token's role
     * names into roles. What a role may do is asked of {@code Permission}.
     */
    public static ArchRule noRoleConstantsInAdapters(String root) {
        String role = root + ".domain.identity.Role";
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .and().resideOutsideOfPackage(root + ".adapters.web.security..")
                .should().accessFieldWhere(DescribedPredicate.describe("a constant of " + role,
                        (JavaFieldAccess access) -> access.getTargetOwner().getName().equals(role)))
                .because(BECAUSE);
    }

    /**
     * Routes name their permission with {@code @RequiresPermission}; {@code @Secured}, on a controller
     * or a method, only opens a route to anyone or to any signed-in caller.
     */
    public static ArchRule securedOnlyOpensRoutes(String root) {
        return classes().that().resideInAPackage(root + ".adapters..")
                .should(new ArchCondition<JavaClass>("say only " + OPEN + " in @Secured") {
                    @Override
                    public void check(JavaClass adapterClass, ConditionEvents events) {
                        checkSecured(adapterClass, adapterClass.getName(), events);
                        for (JavaMethod method : adapterClass.getMethods()) {
                            checkSecured(method, method.getFullName(), events);
                        }
                    }
                })
                .because(BECAUSE);
    }

    private static void checkSecured(HasAnnotations<?> annotated, String name, ConditionEvents events) {
        annotated.getAnnotations().stream().filter(a -> a.getRawType().getName().equals(SECURED)).forEach(secured -> {
            Object value = secured.get("value").orElse(new String[0]);
            List<String> values = value instanceof String[] strings ? List.of(strings) : List.of(String.valueOf(value));
            boolean open = values.size() == 1 && OPEN.contains(values.get(0));
            events.add(new SimpleConditionEvent(annotated, open, name + " is @Secured(" + values + ")"));
        });
    }

    /**
     * The JSON bodies are the web adapter's {@code @Serdeable} classes (requests, responses, forms,
     * problems and their nested records); none of their fields, nor a type argument of one (a list
     * of …), is a type of {@code domain}: a domain type changing would change the API unseen.
     */
    public static ArchRule noDomainTypesInHttpShapes(String root) {
        String domain = root + ".domain.";
        return classes().that().resideInAPackage(root + ".adapters.web..").and().areAnnotatedWith(SERDEABLE)
                .should(new ArchCondition<JavaClass>("have no field of a domain type") {
                    @Override
                    public void check(JavaClass shape, ConditionEvents events) {
                        for (JavaField field : shape.getFields()) {
                            if (field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
                                continue;
                            }
                            for (JavaClass involved : field.getType().getAllInvolvedRawTypes()) {
                                if (involved.getName().startsWith(domain)) {
                                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is of "
                                            + involved.getName() + ", a domain type"));
                                }
                            }
                        }
                    }
                })
                .because(BECAUSE + "; HTTP shapes are the adapter's own");
    }
}
