package closedloop.deploy;

import closedloop.platform.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm that docker-compose and Kubernetes import knows every role the services' rule tables let
 * through: the roles of {@code docs/access/<service>.md} (each table is generated from a service's handlers and held
 * to its {@code WhoMayDoWhat} by that service's access test) and every role of the platform's {@link Role}.
 */
class RealmRolesUnitTests {

    private static final Path REALM = RepositoryFiles.path("deploy/keycloak/closedloop-realm.json");

    @Test
    void theRealmHasEveryRoleTheRuleTablesLetThrough() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> tables = Files.list(RepositoryFiles.path("docs/access"))) {
            tables.filter(table -> table.toString().endsWith(".md"))
                    .forEach(table -> used.addAll(rolesLetThrough(RepositoryFiles.read(table))));
        }

        assertThat(used).as("roles the rule tables use").isNotEmpty().contains("AGENT", "SUPERVISOR");
        assertThat(realmRoles()).containsAll(used);
    }

    @Test
    void theRealmHasEveryRoleOfThePlatform() throws IOException {
        assertThat(realmRoles()).containsAll(Arrays.stream(Role.values()).map(Role::name).toList());
    }

    private static Set<String> realmRoles() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        return roles;
    }

    /** The columns of a table's header naming roles that answer {@code yes} on at least one endpoint. */
    static Set<String> rolesLetThrough(String markdown) {
        List<List<String>> rows = markdown.lines().filter(line -> line.startsWith("| "))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
                        .toList())
                .toList();
        List<String> header = rows.get(0);
        Set<String> roles = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int column = 1; column < Math.min(row.size(), header.size()); column++) {
                if (row.get(column).equals("yes") && !header.get(column).equals("no token")) {
                    roles.add(header.get(column));
                }
            }
        }
        return roles;
    }
}
