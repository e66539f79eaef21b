package closedloop.deploy;

import closedloop.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker-compose.yml} held to the code: the topics, the deployables, their settings, images and checks. */
class DockerComposeUnitTests {

    private static final String PUBLIC_ISSUER = "http://localhost:8180/realms/closedloop";
    private static final String CONSOLE_ADDRESS = "http://localhost:8080";
    private static final List<String> WAITS = List.of("service_healthy", "service_completed_successfully");

    private final ComposeFile compose = ComposeFile.read();

    @Test
    void createsEveryTopicOfTheContractsAndItsDeadLetterTwinWithThreePartitionsOnOneReplica() {
        Map<String, String> init = compose.environment("kafka-init");

        List<String> expected = Topics.ALL.stream().flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .toList();
        assertThat(Arrays.asList(init.get("TOPICS").trim().split("\\s+"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(init).containsEntry("PARTITIONS", "3").containsEntry("REPLICATION_FACTOR", "1")
                .containsEntry("MIN_INSYNC_REPLICAS", "1");
        assertThat(compose.service("kafka-init").path("command").get(0).asText())
                .contains("$$TOPICS", "--partitions \"$$PARTITIONS\"", "--replication-factor \"$$REPLICATION_FACTOR\"");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void everyServiceStartsOnlyOnceItsTopicsExistAndItsStoreIsAReplicaSetThatAnswers(Deployable deployable) {
        if (deployable.isService()) {
            assertThat(compose.dependencies(deployable.module()))
                    .containsEntry("kafka-init", Optional.of("service_completed_successfully"))
                    .containsEntry("mongodb", Optional.of("service_healthy"));
            Map<String, String> environment = compose.environment(deployable.module());
            assertThat(environment.get("SPRING_DATA_MONGODB_URI")).contains("replicaSet=rs0");
            assertThat(environment).containsEntry("CLOSEDLOOP_KAFKA_PARTITIONS",
                    compose.environment("kafka-init").get("PARTITIONS"));
            assertThat(environment).containsEntry("CLOSEDLOOP_KAFKA_MININSYNCREPLICAS",
                    compose.environment("kafka-init").get("MIN_INSYNC_REPLICAS"));
            // a static member of its consumer groups under a name of its own
            assertThat(environment).containsEntry("CLOSEDLOOP_KAFKA_INSTANCEID", deployable.module());
        } else {
            assertThat(compose.dependencies(deployable.module())).doesNotContainKey("kafka-init");
        }
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void runsEveryDeployableFromItsOwnPinnedImageOnItsPort(Deployable deployable) {
        String service = deployable.module();
        JsonNode build = compose.service(service).path("build");

        assertThat(compose.image(service)).startsWith("closedloop/" + service + ":").doesNotEndWith(":latest");
        assertThat(build.path("args").path("MODULE").asText()).isEqualTo(service);
        assertThat(build.path("target").asText()).isEqualTo("service");
        assertThat(compose.service(service).path("ports")).extracting(JsonNode::asText)
                .contains(deployable.port() + ":" + deployable.port());
        assertThat(compose.healthCheck(service))
                .contains("http://localhost:" + deployable.port() + "/actuator/health/readiness");
        assertThat(compose.service(service).path("stop_grace_period").asText()).isEqualTo("45s");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void setsEverySettingADeployableNeedsOutsideTheEmbeddedDefaultByItsEnvironment(Deployable deployable) {
        Map<String, String> environment = compose.environment(deployable.module());

        assertThat(RequiredSettings.of(deployable)).isNotEmpty().allSatisfy(setting ->
                assertThat(environment.get(RequiredSettings.environmentVariable(setting)))
                        .as("%s (%s) in %s's environment", RequiredSettings.environmentVariable(setting), setting,
                                deployable.module())
                        .isNotBlank().doesNotContain("localhost:9000"));
    }

    @Test
    void pinsEveryImageToAVersion() {
        assertThat(compose.serviceNames()).allSatisfy(service -> assertThat(compose.image(service))
                .as("the image of %s", service)
                .matches("[a-z0-9./-]+:v?\\d+(\\.\\d+)+(_\\d+)?(-[a-z0-9]+)?"));
    }

    @Test
    void checksTheHealthOfEveryContainerThatKeepsRunning() {
        assertThat(compose.serviceNames()).allSatisfy(service -> {
            if (compose.isInitStep(service)) {
                assertThat(compose.service(service).path("restart").asText()).as(service).isEqualTo("no");
            } else {
                assertThat(compose.healthCheck(service)).as("the health check of %s", service).isNotEmpty();
            }
        });
    }

    @Test
    void everyDependencyWaitsForItsHealthOrItsEnd() {
        assertThat(compose.serviceNames()).allSatisfy(service -> compose.dependencies(service).forEach(
                (other, condition) -> {
                    assertThat(condition).as("%s waiting for %s", service, other).get().isIn(WAITS);
                    if (condition.get().equals("service_healthy")) {
                        assertThat(compose.healthCheck(other)).as("the health check of %s", other).isNotEmpty();
                    }
                }));
    }

    @Test
    void theServicesAcceptTheTokensOfKeycloaksPublicAddressAndFetchItsKeysInsideTheNetwork() {
        String realm = RepositoryFiles.yaml(RepositoryFiles.path("deploy/keycloak/closedloop-realm.json"))
                .path("realm").asText();
        assertThat(PUBLIC_ISSUER).isEqualTo(compose.environment("keycloak").get("KC_HOSTNAME") + "/realms/" + realm);

        Stream.of(Deployable.values()).filter(Deployable::isService).map(Deployable::module).forEach(service -> {
            Map<String, String> environment = compose.environment(service);
            assertThat(environment).containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", PUBLIC_ISSUER)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                            "http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
        });
        assertThat(compose.environment(Deployable.WEB_CONSOLE.module()))
                .containsEntry("CLOSEDLOOP_CONSOLE_ISSUER_URL", PUBLIC_ISSUER)
                .containsEntry("CLOSEDLOOP_CONSOLE_ISSUER_INTERNALURL", "http://keycloak:8080/realms/" + realm);
    }

    @Test
    void keycloakSendsPeopleBackToTheConsoleAtTheAddressComposePublishesItOn() {
        JsonNode clients = RepositoryFiles.yaml(RepositoryFiles.path("deploy/keycloak/closedloop-realm.json"))
                .path("clients");
        JsonNode consoleClient = StreamSupport.stream(clients.spliterator(), false).filter(client ->
                client.path("clientId").asText().equals("closedloop-console")).findFirst().orElseThrow();

        assertThat(consoleClient.path("redirectUris")).extracting(JsonNode::asText)
                .contains(CONSOLE_ADDRESS + "/login/oauth2/code/closedloop");
        assertThat(consoleClient.path("webOrigins")).extracting(JsonNode::asText).contains(CONSOLE_ADDRESS);
        assertThat(consoleClient.path("secret").asText())
                .isEqualTo(compose.environment("web-console").get("CLOSEDLOOP_CONSOLE_ISSUER_CLIENTSECRET"));
        assertThat(compose.service("web-console").path("ports")).extracting(JsonNode::asText).contains("8080:8080");
    }

    @Test
    void theSmsGatewaySignsCustomersRepliesWithTheSecretNotificationServiceChecks() {
        Map<String, String> gateway = compose.environment("sms-gateway");
        Map<String, String> notification = compose.environment(Deployable.NOTIFICATION_SERVICE.module());

        assertThat(gateway.get("CLOSEDLOOP_NOTIFICATION_SMSREPLY_SECRET")).isNotBlank()
                .isEqualTo(notification.get("CLOSEDLOOP_NOTIFICATION_SMSREPLY_SECRET"));
        assertThat(gateway.get("CLOSEDLOOP_NOTIFICATION_URL")).isEqualTo("http://notification-service:8084");
        assertThat(notification.get("CLOSEDLOOP_NOTIFICATION_SMS_URL")).startsWith("http://sms-gateway:"
                + gateway.get("CLOSEDLOOP_SMS_GATEWAY_PORT") + "/");
        assertThat(compose.service("sms-gateway").path("build").path("target").asText()).isEqualTo("sms-gateway");
    }

    @Test
    void grafanaLoadsTheDashboardsFromWhereComposeMountsThemAndQueriesThePrometheusBesideIt() {
        JsonNode provider = RepositoryFiles.yaml(RepositoryFiles.path(
                "deploy/grafana/provisioning/dashboards/closed-loop.yml")).path("providers").get(0);
        JsonNode datasource = RepositoryFiles.yaml(RepositoryFiles.path(
                "deploy/grafana/provisioning/datasources/prometheus.yml")).path("datasources").get(0);

        assertThat(compose.service("grafana").path("volumes")).extracting(JsonNode::asText).contains(
                "./k8s/components/monitoring/dashboards:" + provider.path("options").path("path").asText() + ":ro",
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(compose.service("prometheus").path("ports")).extracting(JsonNode::asText).contains("9090:9090");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void everyDeployableSendsItsSpansToTheCollectorWhichSendsThemToJaeger(Deployable deployable) {
        JsonNode collector = RepositoryFiles.yaml(RepositoryFiles.path("deploy/otel-collector/config.yaml"));

        assertThat(compose.environment(deployable.module()).get("MANAGEMENT_OTLP_TRACING_ENDPOINT"))
                .isEqualTo("http://otel-collector:" + port(collector.path("receivers").path("otlp").path("protocols")
                        .path("http").path("endpoint").asText()) + "/v1/traces");
        assertThat(collector.path("service").path("pipelines").path("traces").path("exporters"))
                .extracting(JsonNode::asText).containsExactly("otlp/jaeger");
        assertThat(collector.path("exporters").path("otlp/jaeger").path("endpoint").asText()).isEqualTo("jaeger:4317");
        assertThat(compose.environment("jaeger")).containsEntry("COLLECTOR_OTLP_ENABLED", "true");
    }

    private static String port(String endpoint) {
        return endpoint.substring(endpoint.lastIndexOf(':') + 1);
    }
}
