package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kubernetes imports the same realm as docker-compose: kustomize reads no file outside {@code k8s/}, so the realm of
 * {@code k8s/base/keycloak/realm-import.yaml} is a copy of {@code deploy/keycloak/closedloop-realm.json}, and this
 * test keeps it one (the YAML file's header says how to write it again).
 */
class KeycloakRealmImportUnitTests {

    @Test
    void theKubernetesRealmImportIsTheRealmFileDockerComposeImports() throws IOException {
        JsonNode realmFile = new ObjectMapper()
                .readTree(RepositoryFiles.path("deploy/keycloak/closedloop-realm.json").toFile());
        JsonNode realmImport = RepositoryFiles.yaml(RepositoryFiles.path("k8s/base/keycloak/realm-import.yaml"));

        assertThat(realmImport.path("kind").asText()).isEqualTo("KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("realm"))
                .as("the realm of k8s/base/keycloak/realm-import.yaml (its header says how to write it again)")
                .isEqualTo(realmFile);
    }
}
