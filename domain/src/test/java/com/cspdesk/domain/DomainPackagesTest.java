package com.cspdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An early, source-level warning for the rules ArchUnit checks in {@code bootstrap}: the business packages
 * import only the JDK, and depend on each other along one direction only (no cycles). Reads the sources,
 * so it needs no extra test dependency; {@code identity} belongs to another team and is left out.
 */
class DomainPackagesTest {

    /** Each business package and the packages it may use: market ← money ← catalog ← cancellation, software, reservation ← order. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "market", Set.of(),
            "activity", Set.of(),
            "support", Set.of(),
            "money", Set.of("market"),
            "catalog", Set.of("market", "money"),
            "cancellation", Set.of("market", "money", "catalog"),
            "software", Set.of("market", "money", "catalog"),
            "reservation", Set.of("catalog"),
            "order", Set.of("market", "money", "catalog", "cancellation", "software", "reservation"));

    private static final Pattern DOMAIN_REFERENCE = Pattern.compile("com\\.cspdesk\\.domain\\.(\\w+)\\.");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private static Path sources() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "main", "java", "com", "cspdesk", "domain");
    }

    private static List<Path> javaFiles(String pkg) {
        try (Stream<Path> files = Files.list(sources().resolve(pkg))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (String pkg : ALLOWED.keySet()) {
            Set<String> used = new TreeSet<>();
            for (Path file : javaFiles(pkg)) {
                String code = read(file).replaceFirst("(?m)^package .*$", "");
                Matcher matcher = DOMAIN_REFERENCE.matcher(code);
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        used.add(matcher.group(1));
                    }
                }
            }
            dependencies.put(pkg, used);
        }
        return dependencies;
    }

    @Test
    void every_business_package_exists_with_a_package_info() {
        for (String pkg : ALLOWED.keySet()) {
            assertThat(sources().resolve(pkg).resolve("package-info.java")).as(pkg).exists();
        }
    }

    @Test
    void packages_use_only_the_packages_they_may() {
        dependencies().forEach((pkg, used) -> assertThat(used).as("packages used by " + pkg).isSubsetOf(ALLOWED.get(pkg)));
    }

    @Test
    void packages_are_free_of_cycles() {
        Map<String, Set<String>> graph = dependencies();
        for (String start : graph.keySet()) {
            Deque<String> todo = new ArrayDeque<>(graph.get(start));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                assertThat(next).as("cycle through " + start).isNotEqualTo(start);
                if (seen.add(next)) {
                    todo.addAll(graph.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    @Test
    void business_packages_import_only_the_jdk_and_the_domain() {
        for (String pkg : ALLOWED.keySet()) {
            for (Path file : javaFiles(pkg)) {
                Matcher matcher = IMPORT.matcher(read(file));
                while (matcher.find()) {
                    assertThat(matcher.group(1)).as(file.getFileName().toString()).matches("(java\\.|com\\.cspdesk\\.domain\\.).*");
                }
            }
        }
    }

    @Test
    void no_clock_is_read_inside_the_domain() {
        Pattern now = Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime|Clock)\\.(now|systemUTC|systemDefaultZone)\\(|System\\.currentTimeMillis");
        for (String pkg : ALLOWED.keySet()) {
            for (Path file : javaFiles(pkg)) {
                assertThat(now.matcher(read(file)).find()).as(file.getFileName() + " reads the clock").isFalse();
            }
        }
    }
}
