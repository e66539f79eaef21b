package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * {@code docker-compose.yml} as the tests read it: its services, each one's environment, dependencies and health
 * check, as written in the file (no interpolation: the file sets its values literally).
 */
final class ComposeFile {

    static final String FILE = "docker-compose.yml";

    private final JsonNode services;

    private ComposeFile(JsonNode root) {
        this.services = root.path("services");
    }

    static ComposeFile read() {
        return new ComposeFile(RepositoryFiles.yaml(RepositoryFiles.path(FILE)));
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean has(String service) {
        return services.has(service);
    }

    JsonNode service(String name) {
        JsonNode service = services.path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(FILE + " has no service " + name);
        }
        return service;
    }

    /** The service's environment, which this file always writes as a map. */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service(service).path("environment").fields()
                .forEachRemaining(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        return environment;
    }

    /** What the service waits for before it starts, and the condition of each: {@code service_healthy}, … */
    Map<String, Optional<String>> dependencies(String service) {
        Map<String, Optional<String>> dependencies = new LinkedHashMap<>();
        JsonNode dependsOn = service(service).path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(other -> dependencies.put(other.asText(), Optional.empty()));
        } else {
            dependsOn.fields().forEachRemaining(other -> dependencies.put(other.getKey(),
                    Optional.ofNullable(other.getValue().path("condition").textValue())));
        }
        return dependencies;
    }

    /** Whether another service waits for this one to run to its end: an init step. */
    boolean isInitStep(String service) {
        return serviceNames().stream().anyMatch(other -> dependencies(other).getOrDefault(service, Optional.empty())
                .filter("service_completed_successfully"::equals).isPresent());
    }

    /** The health check's command, one element per argument; empty without one. */
    List<String> healthCheck(String service) {
        JsonNode test = service(service).path("healthcheck").path("test");
        return test.isArray() ? StreamSupport.stream(test.spliterator(), false).map(JsonNode::asText).toList()
                : test.isTextual() ? List.of(test.asText()) : List.of();
    }

    String image(String service) {
        return service(service).path("image").asText("");
    }
}
