package com.cspdesk.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Who may do what" is the core's {@link Permission} table, row for row and role for
 * role, and its endpoint table names only permissions of that table: the two cannot drift apart.
 */
class ReadmePermissionsTest {

    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

    private static List<String> readme() throws IOException {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path readme = Stream.of(base.resolve("README.md"), base.resolve("../README.md"))
                .filter(Files::isRegularFile).findFirst().orElseThrow(() -> new AssertionError("no README.md near " + base));
        return Files.readAllLines(readme);
    }

    /** The rows of the first table after the heading, as cells. */
    private static List<List<String>> table(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        assertThat(at).as("README heading %s", heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = Stream.of(line.split("(?<!\\\\)\\|")).map(String::strip).toList();
                rows.add(cells.subList(1, cells.size()));
            } else if (inTable) {
                break;
            } else if (line.startsWith("#")) {
                break;
            }
        }
        assertThat(rows).as("a table under %s", heading).hasSizeGreaterThan(2);
        return rows.subList(2, rows.size());
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    @Test
    void theRoleTableIsThePermissionTable() throws IOException {
        Map<Permission, Set<Role>> documented = new EnumMap<>(Permission.class);
        for (List<String> row : table(readme(), "### Who may do what")) {
            List<String> names = codes(row.get(0));
            assertThat(names).as("one permission in %s", row).hasSize(1);
            Permission permission = Permission.valueOf(names.get(0));
            Set<Role> roles = codes(row.get(2)).stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            assertThat(documented.put(permission, roles)).as("%s documented once", permission).isNull();
        }
        Map<Permission, Set<Role>> table = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            table.put(permission, permission.roles());
        }
        assertThat(documented).isEqualTo(table);
    }

    @Test
    void theEndpointTableNamesOnlyPermissionsOfTheTable() throws IOException {
        Set<String> permissions = Stream.of(Permission.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> named = EnumSet.noneOf(Permission.class).stream().map(Enum::name).collect(Collectors.toSet());
        for (List<String> row : table(readme(), "## The API so far")) {
            List<String> who = codes(row.get(1));
            assertThat(who).as("the who of %s names permissions, not roles", row.get(0)).allSatisfy(name ->
                    assertThat(permissions).contains(name));
            named.addAll(who);
        }
        assertThat(named).as("every permission has an endpoint").isEqualTo(permissions);
    }
}
