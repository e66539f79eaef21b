package closedloop.issuer;

import closedloop.issuer.account.Account;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm that docker-compose and Kubernetes import ({@code deploy/keycloak/closedloop-realm.json}) yields
 * tokens of the embedded issuer's shape: the same demo users with the same roles and branches, the same clients and
 * secrets, and protocol mappers that put {@code roles} and {@code branches} at the top level of the token and
 * {@code closedloop} in its audience.
 */
class KeycloakRealmUnitTests {

    private static JsonNode realm;
    private static IssuerSettings issuer;

    @BeforeAll
    static void readBoth() throws IOException {
        realm = new ObjectMapper().readTree(Path.of("..", "deploy", "keycloak", "closedloop-realm.json").toFile());
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("issuer", new ClassPathResource("identity-issuer.yml"))
                .forEach(environment.getPropertySources()::addLast);
        issuer = Binder.get(environment).bind("closedloop.issuer", IssuerSettings.class).get();
    }

    @Test
    void holdsTheEmbeddedIssuersDemoUsersWithTheirRolesAndBranches() {
        Map<String, String> realmUsers = new TreeMap<>();
        realm.get("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                realmUsers.put(user.get("username").asText(), texts(user.get("realmRoles")) + " "
                        + texts(user.path("attributes").path("branches")));
            }
        });
        Map<String, String> issuerUsers = new TreeMap<>();
        for (Account account : issuer.users()) {
            issuerUsers.put(account.username(), account.roleNames() + " " + account.branches());
        }
        assertThat(realmUsers).isEqualTo(issuerUsers).hasSize(9);
        realm.get("users").forEach(user -> user.path("credentials").forEach(credential ->
                assertThat(credential.get("value").asText()).isEqualTo(issuer.demoPassword())));
    }

    @Test
    void putsRolesBranchesAndTheAudienceIntoThePeoplesTokens() {
        for (String clientId : List.of("closedloop-cli", "closedloop-console")) {
            JsonNode mappers = client(clientId).get("protocolMappers");
            JsonNode roles = mapper(mappers, "oidc-usermodel-realm-role-mapper");
            assertThat(roles.get("claim.name").asText()).isEqualTo("roles");
            assertThat(roles.get("multivalued").asText()).isEqualTo("true");
            assertThat(roles.get("access.token.claim").asText()).isEqualTo("true");
            assertThat(roles.get("id.token.claim").asText()).isEqualTo("true");
            JsonNode branches = mapper(mappers, "oidc-usermodel-attribute-mapper");
            assertThat(branches.get("user.attribute").asText()).isEqualTo("branches");
            assertThat(branches.get("claim.name").asText()).isEqualTo("branches");
            assertThat(branches.get("multivalued").asText()).isEqualTo("true");
            assertThat(branches.get("access.token.claim").asText()).isEqualTo("true");
            assertThat(mapper(mappers, "oidc-audience-mapper").get("included.custom.audience").asText())
                    .isEqualTo(issuer.audience());
        }
    }

    @Test
    void declaresBranchesInTheUserProfileSoThatKeycloakKeepsThem() throws IOException {
        String profile = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config")
                .get("kc.user.profile.config").get(0).asText();
        JsonNode attributes = new ObjectMapper().readTree(profile).get("attributes");
        JsonNode branches = StreamSupport.stream(attributes.spliterator(), false)
                .filter(attribute -> attribute.get("name").asText().equals("branches")).findFirst().orElseThrow();
        assertThat(branches.get("multivalued").asBoolean()).isTrue();
    }

    @Test
    void registersTheClientsOfTheEmbeddedIssuer() {
        JsonNode cli = client("closedloop-cli");
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();

        JsonNode console = client("closedloop-console");
        assertThat(console.get("publicClient").asBoolean()).isFalse();
        assertThat(console.get("secret").asText()).isEqualTo(issuer.console().secret());
        assertThat(texts(console.get("redirectUris"))).containsExactly(issuer.console().redirectUri());
        assertThat(console.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(console.at("/attributes/post.logout.redirect.uris").asText())
                .isEqualTo(issuer.console().postLogoutRedirectUri());
        assertThat(console.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    }

    @Test
    void letsTheWebPortalRegisterAsItselfWithItsRoleOnly() {
        JsonNode portal = client("closedloop-web-portal");
        assertThat(portal.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(portal.get("secret").asText()).isEqualTo(issuer.webPortal().secret());
        JsonNode mappers = portal.get("protocolMappers");
        JsonNode name = mapper(mappers, "oidc-hardcoded-claim-mapper");
        assertThat(name.get("claim.name").asText()).isEqualTo("preferred_username");
        assertThat(name.get("claim.value").asText()).isEqualTo(issuer.webPortal().username());
        JsonNode serviceAccount = StreamSupport.stream(realm.get("users").spliterator(), false)
                .filter(user -> "closedloop-web-portal".equals(user.path("serviceAccountClientId").asText()))
                .findFirst().orElseThrow();
        assertThat(texts(serviceAccount.get("realmRoles")))
                .isEqualTo(issuer.webPortal().roles().stream().map(Enum::name).toList());
        assertThat(texts(portal.get("defaultClientScopes"))).doesNotContain("profile");
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> client.get("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    private static JsonNode mapper(JsonNode mappers, String type) {
        return StreamSupport.stream(mappers.spliterator(), false)
                .filter(mapper -> mapper.get("protocolMapper").asText().equals(type))
                .map(mapper -> mapper.get("config")).findFirst().orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
