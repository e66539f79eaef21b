package closedloop.deploy;

import closedloop.deploy.DockerfileInstructions.Instruction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The one {@code Dockerfile} of every image, held to what the images must be (docs/deployment.md, "The images"). */
class DockerfileUnitTests {

    private static final Pattern MODULES = Pattern.compile("-pl (\\S+)");
    private static final Pattern TEMURIN_17 = Pattern.compile("eclipse-temurin:17\\.0\\.\\d+_\\d+-(jdk|jre)");

    @Test
    void buildsEveryDeployableAndTheSmsGatewayInOneMavenRunThatSkipsOnlyTheTests() {
        String maven = DockerfileInstructions.of("RUN").stream().map(Instruction::arguments)
                .filter(run -> run.contains("./mvnw")).findFirst().orElseThrow();
        Matcher modules = MODULES.matcher(maven);

        assertThat(modules.find()).as(maven).isTrue();
        assertThat(Arrays.asList(modules.group(1).split(",")))
                .containsAll(Arrays.stream(Deployable.values()).map(Deployable::module).toList())
                .contains("local-stack");
        assertThat(maven).contains("--mount=type=cache,target=/root/.m2", "-am", "package", "-DskipTests");
    }

    @Test
    void startsFromTemurin17PinnedToAnExactReleaseAndRunsOnTheJre() {
        List<String> bases = DockerfileInstructions.of("FROM").stream().map(from -> from.arguments().split("\\s+")[0])
                .filter(image -> image.contains(":")).toList();

        assertThat(bases).isNotEmpty().allMatch(image -> TEMURIN_17.matcher(image).matches(), "exact Temurin 17");
        assertThat(DockerfileInstructions.of("FROM").stream().map(Instruction::arguments)
                .filter(from -> from.endsWith("AS runtime"))).singleElement().asString().contains("-jre ");
    }

    @Test
    void extractsBootsLayeredJarWithItsLauncherAndCopiesItLayerByLayer() {
        assertThat(DockerfileInstructions.of("RUN")).extracting(Instruction::arguments)
                .anyMatch(run -> run.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher"));
        assertThat(DockerfileInstructions.of("COPY")).extracting(Instruction::arguments)
                .filteredOn(copy -> copy.startsWith("--from=extract")).hasSize(4);
    }

    @Test
    void runsAsANumericUserThatIsNotRoot() {
        assertThat(DockerfileInstructions.of("USER")).extracting(Instruction::arguments).singleElement()
                .asString().matches("[1-9]\\d*:[1-9]\\d*");
    }

    @Test
    void startsJavaWithoutAShellWithTheHeapFromTheContainersLimitAndLogsInEcs() {
        assertThat(DockerfileInstructions.of("ENTRYPOINT")).isNotEmpty().allSatisfy(entrypoint ->
                assertThat(entrypoint.arguments()).startsWith("[\"java\","));
        assertThat(DockerfileInstructions.of("ENV")).extracting(Instruction::arguments).singleElement().asString()
                .contains("JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75", "LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs");
    }

    @Test
    void hasEveryTargetComposeBuildsAndAServiceByDefault() {
        List<String> stages = DockerfileInstructions.of("FROM").stream().map(Instruction::arguments)
                .filter(from -> from.contains(" AS ")).map(from -> from.substring(from.indexOf(" AS ") + 4)).toList();
        ComposeFile compose = ComposeFile.read();

        assertThat(compose.serviceNames()).allSatisfy(service -> {
            String target = compose.service(service).path("build").path("target").asText("");
            if (!target.isEmpty()) {
                assertThat(stages).as("the stages of the Dockerfile").contains(target);
            }
        });
        assertThat(stages).last().isEqualTo("service");
    }
}
