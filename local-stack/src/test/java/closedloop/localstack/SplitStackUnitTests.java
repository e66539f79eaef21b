package closedloop.localstack;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The split-process mode's plan: which JVMs, in which order, with which command line and environment. */
class SplitStackUnitTests {

    private static final List<String> JAVA = List.of("/jdk/bin/java", "-Xmx384m", "-jar", "stack.jar");

    private final LocalStackSettings settings = new LocalStackSettings(Path.of("/tmp/closedloop-data"), 19092, 19093,
            27017, 3025, 8085, Map.of("identity-issuer", 9000, "web-console", 8080, "complaint-intake", 8081,
            "ticket-router", 8082, "escalation-service", 8083, "notification-service", 8084), Map.of());

    @Test
    void startsTheStoreTheBrokerAndTheOutboxThenTheIssuerAndTheServicesThenTheConsole() {
        List<SplitStack.Launch> plan = SplitStack.plan(settings, JAVA);

        assertThat(plan).extracting(launch -> launch.part().name()).containsExactly("mongodb", "kafka",
                "demo-outbox", "identity-issuer", "complaint-intake", "ticket-router", "escalation-service",
                "notification-service", "web-console");
        assertThat(plan).extracting(launch -> launch.part().stage()).isSorted();
    }

    @Test
    void runsEachPartFromTheSameJarWithItsName() {
        SplitStack.Launch router = launchOf("ticket-router");

        assertThat(router.command()).containsExactly("/jdk/bin/java", "-Xmx384m", "-jar", "stack.jar", "--part",
                "ticket-router");
    }

    @Test
    void givesEveryPartEveryPortAndTheDataFolderAsTheOneJvmModeReadsThem() {
        Map<String, String> environment = launchOf("web-console").environment();

        assertThat(LocalStackSettings.fromEnvironment(environment)).isEqualTo(settings);
        assertThat(environment).containsEntry("CLOSEDLOOP_DATA_DIR", "/tmp/closedloop-data")
                .containsEntry("CLOSEDLOOP_MONGO_PORT", "27017").containsEntry("CLOSEDLOOP_INTAKE_PORT", "8081");
        assertThat(SplitStack.plan(settings, JAVA)).extracting(SplitStack.Launch::environment).containsOnly(environment);
    }

    @Test
    void runsFromTheRunnableJarWhenStartedFromItElseFromTheClassPath() {
        assertThat(SplitStack.javaCommand("/jdk", "local-stack-exec.jar", List.of("-Xmx384m")))
                .containsExactly(Path.of("/jdk", "bin", "java").toString(), "-Xmx384m", "-jar", "local-stack-exec.jar");
        String classPath = "a/classes" + File.pathSeparator + "b.jar";
        assertThat(SplitStack.javaCommand("/jdk", classPath, List.of()))
                .containsExactly(Path.of("/jdk", "bin", "java").toString(), "-cp", classPath,
                        LocalStackApplication.class.getName());
    }

    @Test
    void picksAFreePortForEachPortTheSettingsLeaveOpen() {
        LocalStackSettings open = new LocalStackSettings(Path.of("data"), 0, 0, 0, 0, 0, Map.of(), Map.of());

        LocalStackSettings fixed = open.withFreePorts();

        assertThat(List.of(fixed.kafkaPort(), fixed.kafkaControllerPort(), fixed.mongoPort(), fixed.smtpPort(),
                fixed.smsGatewayPort())).allMatch(port -> port > 0);
        assertThat(fixed.servicePorts()).hasSize(6).allSatisfy((service, port) -> assertThat(port).isPositive());
    }

    @Test
    void wiresEachServiceToTheOthersOnTheirPorts() {
        LocalStack.Wiring wiring = StackPart.wiring(settings);

        assertThat(wiring).isEqualTo(new LocalStack.Wiring("127.0.0.1:19092", "mongodb://127.0.0.1:27017",
                "http://localhost:9000", 3025, "http://127.0.0.1:8085/sms/messages"));
        assertThat(StackPart.urls(settings)).containsEntry("web-console", "http://localhost:8080")
                .containsEntry("notification-service", "http://localhost:8084");
    }

    @Test
    void refusesAPartItDoesNotKnow() {
        assertThatThrownBy(() -> StackPart.named("kafka-connect")).hasMessageContaining("No part kafka-connect");
    }

    private SplitStack.Launch launchOf(String part) {
        return SplitStack.plan(settings, JAVA).stream().filter(launch -> launch.part().name().equals(part))
                .findFirst().orElseThrow();
    }
}
