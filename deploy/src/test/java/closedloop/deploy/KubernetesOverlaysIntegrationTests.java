package closedloop.deploy;

import closedloop.contracts.Topics;
import closedloop.deploy.Kustomize.Manifests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each overlay of {@code k8s/} as {@code kubectl kustomize} renders it, held to the code: the topics of the contracts
 * with the overlay's partitions, every setting a deployable needs, hardened pods with probes and limits, a disruption
 * budget and an autoscaler for each, the operators' API versions, network policies that deny by default, and no
 * committed secret in production.
 */
@EnabledIf("closedloop.deploy.Kustomize#installed")
class KubernetesOverlaysIntegrationTests {

    /** What an overlay promises: its topics' shape and the size of its Kafka and MongoDB. */
    record Overlay(String folder, int partitions, int replicas, int minInsyncReplicas, int kafkaNodes,
                   int mongoMembers) {

        @Override
        public String toString() {
            return folder;
        }
    }

    static final Overlay DEV = new Overlay("k8s/overlays/dev", 3, 1, 1, 1, 1);
    static final Overlay PRODUCTION = new Overlay("k8s/overlays/production", 12, 3, 2, 3, 3);

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Stream<Overlay> overlays() {
        return Stream.of(DEV, PRODUCTION);
    }

    private static Manifests rendered(Overlay overlay) {
        return RENDERED.computeIfAbsent(overlay.folder(), Kustomize::render);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicAndItsDeadLetterTopicIsAKafkaTopicWithTheOverlaysPartitionsAndReplicas(Overlay overlay) {
        List<JsonNode> topics = rendered(overlay).ofKind("KafkaTopic");
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        });
        assertThat(topics).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo("closedloop");
            assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(overlay.partitions());
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(overlay.replicas());
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
                    .isEqualTo(overlay.minInsyncReplicas());
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesCreateAndReadTheTopicsWithTheKafkaTopicsPartitionsAndReplication(Overlay overlay) {
        JsonNode shared = data(rendered(overlay), "closedloop-platform");
        assertThat(shared.path("CLOSEDLOOP_KAFKA_PARTITIONS").asInt()).isEqualTo(overlay.partitions());
        assertThat(shared.path("CLOSEDLOOP_KAFKA_REPLICATIONFACTOR").asInt()).isEqualTo(overlay.replicas());
        assertThat(shared.path("CLOSEDLOOP_KAFKA_MININSYNCREPLICAS").asInt()).isEqualTo(overlay.minInsyncReplicas());
        assertThat(shared.path("SPRING_KAFKA_BOOTSTRAPSERVERS").asText()).isEqualTo("closedloop-kafka-bootstrap:9092");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceListensAsAStaticMemberUnderItsPodsName(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        for (String service : List.of("complaint-intake", "ticket-router", "escalation-service",
                "notification-service")) {
            JsonNode instanceId = env(manifests.container(service), "CLOSEDLOOP_KAFKA_INSTANCEID");
            assertThat(instanceId.path("valueFrom").path("fieldRef").path("fieldPath").asText())
                    .as(service).isEqualTo("metadata.name");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaAndMongoDbHaveTheOverlaysSizeThroughTheirOperatorsApiVersions(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        JsonNode pool = manifests.get("KafkaNodePool", "nodes");
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(overlay.kafkaNodes());
        assertThat(texts(pool.path("spec").path("roles"))).containsExactlyInAnyOrder("controller", "broker");
        JsonNode kafka = manifests.get("Kafka", "closedloop");
        assertThat(kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt())
                .isEqualTo(overlay.minInsyncReplicas());
        assertThat(kafka.path("spec").path("kafka").path("config").path("default.replication.factor").asInt())
                .isEqualTo(overlay.replicas());
        assertThat(Stream.of(pool, kafka)).extracting(resource -> resource.path("apiVersion").asText())
                .containsOnly("kafka.strimzi.io/v1");

        JsonNode mongo = manifests.get("MongoDBCommunity", "closedloop-mongodb");
        assertThat(mongo.path("apiVersion").asText()).isEqualTo("mongodbcommunity.mongodb.com/v1");
        assertThat(mongo.path("spec").path("members").asInt()).isEqualTo(overlay.mongoMembers());
        assertThat(mongo.path("spec").path("version").asText()).startsWith("7.0.");
        assertThat(manifests.ofKind("Keycloak")).extracting(keycloak -> keycloak.path("apiVersion").asText())
                .containsExactly("k8s.keycloak.org/v2beta1");
        assertThat(manifests.ofKind("KeycloakRealmImport")).extracting(realm -> realm.path("apiVersion").asText())
                .containsExactly("k8s.keycloak.org/v2beta1");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceConnectsAsItsOwnMongoDbUserWithRightsOnlyOnItsOwnDatabase(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        JsonNode users = manifests.get("MongoDBCommunity", "closedloop-mongodb").path("spec").path("users");
        for (Deployable deployable : Deployable.values()) {
            if (!deployable.isService()) {
                continue;
            }
            JsonNode user = StreamSupport.stream(users.spliterator(), false)
                    .filter(candidate -> candidate.path("name").asText().equals(deployable.module()))
                    .findFirst().orElseThrow();
            String database = RequiredSettings.defaults(deployable).get("spring.data.mongodb.database");
            assertThat(user.path("roles")).singleElement().satisfies(role -> {
                assertThat(role.path("name").asText()).isEqualTo("readWrite");
                assertThat(role.path("db").asText()).isEqualTo(database);
            });
            // the operator's Secret of the user: <resource>-<auth db>-<user>
            JsonNode uri = env(manifests.container(deployable.module()), "SPRING_DATA_MONGODB_URI");
            assertThat(uri.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("closedloop-mongodb-" + user.path("db").asText() + "-" + deployable.module());
            assertThat(uri.path("valueFrom").path("secretKeyRef").path("key").asText())
                    .isEqualTo("connectionString.standard");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingTheCodeRequiresIsSetByItsEnvironmentVariable(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        for (Deployable deployable : Deployable.values()) {
            Set<String> required = new TreeSet<>();
            RequiredSettings.of(deployable)
                    .forEach(setting -> required.add(RequiredSettings.environmentVariable(setting)));
            assertThat(environment(manifests, deployable.module())).as(deployable.module())
                    .containsAll(required);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeployableRunsHardenedWithProbesResourcesAndTimeToShutDown(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        for (Deployable deployable : Deployable.values()) {
            JsonNode pod = manifests.get("Deployment", deployable.module()).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(pod.path("containers").size()).isEqualTo(1);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(deployable.port());
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/actuator/health/readiness");
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isNotEmpty();
            for (String resource : List.of("cpu", "memory")) {
                assertThat(container.path("resources").path("requests").path(resource).isMissingNode()).isFalse();
                assertThat(container.path("resources").path("limits").path(resource).isMissingNode()).isFalse();
            }
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).isPositive();
            assertThat(pod.path("securityContext").path("fsGroup").asInt()).isPositive();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText())
                    .isEqualTo("RuntimeDefault");
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
            assertThat(texts(container.path("volumeMounts"), "mountPath")).contains("/tmp");
            assertThat(pod.path("topologySpreadConstraints").size()).isPositive();
            // Boot's graceful shutdown takes up to 30 s (spring.lifecycle.timeout-per-shutdown-phase)
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(45);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeployableHasADisruptionBudgetAndAnAutoscalerNoWiderThanThePartitions(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        int fewestPartitions = manifests.ofKind("KafkaTopic").stream()
                .mapToInt(topic -> topic.path("spec").path("partitions").asInt()).min().orElseThrow();
        for (Deployable deployable : Deployable.values()) {
            JsonNode deployment = manifests.get("Deployment", deployable.module());
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            JsonNode budget = manifests.get("PodDisruptionBudget", deployable.module());
            budget.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                    assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
            assertThat(budget.path("spec").path("selector").path("matchLabels").size()).isPositive();

            JsonNode autoscaler = manifests.get("HorizontalPodAutoscaler", deployable.module());
            assertThat(autoscaler.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(autoscaler.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText())
                    .isEqualTo(deployable.module());
            int maxReplicas = autoscaler.path("spec").path("maxReplicas").asInt();
            assertThat(maxReplicas).isGreaterThanOrEqualTo(autoscaler.path("spec").path("minReplicas").asInt());
            if (deployable.isService()) {
                // an instance beyond the partitions of its topics gets none of them
                assertThat(maxReplicas).as(deployable.module()).isLessThanOrEqualTo(fewestPartitions);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusScrapesEveryDeployablesServiceThroughTheMonitoringComponent(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        assertThat(manifests.ofKind("PrometheusRule")).hasSize(1);
        for (Deployable deployable : Deployable.values()) {
            JsonNode service = manifests.get("Service", deployable.module());
            assertThat(manifests.ofKind("ServiceMonitor")).as(deployable.module()).anySatisfy(monitor -> {
                monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                        assertThat(service.path("metadata").path("labels").path(label.getKey()).asText())
                                .isEqualTo(label.getValue().asText()));
                JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
                assertThat(texts(service.path("spec").path("ports"), "name")).contains(endpoint.path("port").asText());
                assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageIsPinnedToAVersionNeverLatest(Overlay overlay) {
        List<String> images = new ArrayList<>();
        rendered(overlay).documents().forEach(document ->
                document.path("spec").path("template").path("spec").path("containers")
                        .forEach(container -> images.add(container.path("image").asText())));
        assertThat(images).hasSizeGreaterThanOrEqualTo(Deployable.values().length).allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(image).contains(":").doesNotEndWith(":latest");
        });
        for (Deployable deployable : Deployable.values()) {
            assertThat(images).contains("closedloop/" + deployable.module() + ":0.1.0");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNetworkPoliciesDenyEverythingBeforeTheyAllowAnything(Overlay overlay) {
        assertThat(rendered(overlay).ofKind("NetworkPolicy")).anySatisfy(policy -> {
            JsonNode spec = policy.path("spec");
            assertThat(spec.path("podSelector").isEmpty()).isTrue();
            assertThat(texts(spec.path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(spec.path("ingress").isMissingNode()).isTrue();
            assertThat(spec.path("egress").isMissingNode()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyoneExpectsTheIssuerKeycloakAnnouncesAndTheRealmSendsPeopleBackToTheConsole(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        String issuer = manifests.get("Keycloak", "closedloop-keycloak").path("spec").path("hostname").path("hostname")
                .asText() + "/realms/closedloop";
        JsonNode shared = data(manifests, "closedloop-platform");
        assertThat(shared.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI").asText()).isEqualTo(issuer);
        assertThat(data(manifests, "web-console").path("CLOSEDLOOP_CONSOLE_ISSUER_URL").asText()).isEqualTo(issuer);
        assertThat(host(manifests.get("Ingress", "closedloop-keycloak"))).isEqualTo(URI.create(issuer).getHost());

        // the console builds its redirect URI from the browser's scheme and host, which the ingress controller forwards
        assertThat(data(manifests, "web-console").path("SERVER_FORWARDHEADERSSTRATEGY").asText())
                .isEqualTo("framework");
        String console = host(manifests.get("Ingress", "web-console"));
        JsonNode client = realmClient(manifests, "closedloop-console");
        assertThat(URI.create(client.path("redirectUris").get(0).asText()).getHost()).isEqualTo(console);
        assertThat(URI.create(client.path("redirectUris").get(0).asText()).getScheme())
                .isEqualTo(URI.create(issuer).getScheme());
        assertThat(texts(client.path("webOrigins"))).containsExactly(URI.create(issuer).getScheme() + "://" + console);
        assertThat(manifests.ofKind("Ingress")).extracting(KubernetesOverlaysIntegrationTests::host)
                .noneMatch(host -> host.endsWith(".invalid"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsolesSecretIsTheSecretOfItsClientInTheRealm(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        JsonNode secretRef = env(manifests.container("web-console"), "CLOSEDLOOP_CONSOLE_ISSUER_CLIENTSECRET")
                .path("valueFrom").path("secretKeyRef");
        String realmSecret = realmClient(manifests, "closedloop-console").path("secret").asText();
        if (overlay == PRODUCTION) {
            // the operator puts the same Secret's value into the realm
            JsonNode placeholder = manifests.get("KeycloakRealmImport", "closedloop").path("spec").path("placeholders")
                    .path(realmSecret.substring(2, realmSecret.length() - 1)).path("secret");
            assertThat(placeholder.path("name").asText()).isEqualTo(secretRef.path("name").asText());
            assertThat(placeholder.path("key").asText()).isEqualTo(secretRef.path("key").asText());
        } else {
            assertThat(secretValue(manifests, secretRef)).isEqualTo(realmSecret);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDevOverlayGeneratesEverySecretTheDeployablesReferToAndProductionCommitsNone(Overlay overlay) {
        Manifests manifests = rendered(overlay);
        if (overlay == PRODUCTION) {
            assertThat(manifests.ofKind("Secret")).isEmpty();
            return;
        }
        for (Deployable deployable : Deployable.values()) {
            manifests.container(deployable.module()).path("env").forEach(variable -> {
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode() && !ref.path("name").asText().startsWith("closedloop-mongodb-admin-")) {
                    assertThat(secretValue(manifests, ref)).as(variable.path("name").asText()).isNotNull();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void productionImportsTheRealmWithoutDemoUsersPasswordGrantOrDemoSecrets(Overlay overlay) {
        JsonNode realm = rendered(overlay).get("KeycloakRealmImport", "closedloop").path("spec").path("realm");
        List<String> people = new ArrayList<>();
        realm.path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                people.add(user.path("username").asText());
            }
        });
        List<Boolean> passwordGrants = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            passwordGrants.add(client.path("directAccessGrantsEnabled").asBoolean());
            if (client.has("secret")) {
                secrets.add(client.path("secret").asText());
            }
        });
        if (overlay == PRODUCTION) {
            assertThat(people).isEmpty();
            assertThat(passwordGrants).containsOnly(false);
            assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(secret).matches("\\$\\{[A-Z_]+}"));
        } else {
            assertThat(people).contains("agent-017");
            assertThat(passwordGrants).contains(true);
        }
    }

    private static String secretValue(Manifests manifests, JsonNode secretKeyRef) {
        JsonNode secret = manifests.get("Secret", secretKeyRef.path("name").asText());
        JsonNode value = secret.path("data").path(secretKeyRef.path("key").asText());
        return value.isMissingNode() ? null
                : new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    }

    private static JsonNode realmClient(Manifests manifests, String clientId) {
        JsonNode realm = manifests.get("KeycloakRealmImport", "closedloop").path("spec").path("realm");
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    private static JsonNode data(Manifests manifests, String configMap) {
        return manifests.get("ConfigMap", configMap).path("data");
    }

    private static String host(JsonNode ingress) {
        return ingress.path("spec").path("rules").get(0).path("host").asText();
    }

    /** Every environment variable a Deployment's container gets: its own and those of the ConfigMaps it reads. */
    private static Set<String> environment(Manifests manifests, String deployment) {
        JsonNode container = manifests.container(deployment);
        Set<String> names = new TreeSet<>(texts(container.path("env"), "name"));
        container.path("envFrom").forEach(source -> manifests
                .get("ConfigMap", source.path("configMapRef").path("name").asText())
                .path("data").fieldNames().forEachRemaining(names::add));
        return names;
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(variable -> variable.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asText()).toList();
    }
}
