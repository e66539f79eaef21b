package closedloop.deploy;

import java.nio.file.Path;

/**
 * What an operator deploys from this repository's code: the four services and the console, one image each, named
 * after its Maven module. (The embedded issuer is the embedded default's; deployments use Keycloak.)
 */
enum Deployable {

    COMPLAINT_INTAKE("complaint-intake", 8081, true),
    TICKET_ROUTER("ticket-router", 8082, true),
    ESCALATION_SERVICE("escalation-service", 8083, true),
    NOTIFICATION_SERVICE("notification-service", 8084, true),
    WEB_CONSOLE("web-console", 8080, false);

    private final String module;
    private final int port;
    private final boolean service;

    Deployable(String module, int port, boolean service) {
        this.module = module;
        this.port = port;
        this.service = service;
    }

    /** The Maven module, the image's name, the compose service's and the Kubernetes Deployment's. */
    String module() {
        return module;
    }

    /** The HTTP port it listens on (its {@code server.port}). */
    int port() {
        return port;
    }

    /** A service with a store and a broker, as opposed to the console, which holds no data. */
    boolean isService() {
        return service;
    }

    /** Its configuration file, {@code <module>/src/main/resources/<module>.yml}. */
    Path configuration() {
        return RepositoryFiles.path(module + "/src/main/resources/" + module + ".yml");
    }
}
