package closedloop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose side's files validated by the tools that read them: Debian's docker-compose (which needs no engine to
 * check a file) and promtool. Each test skips where its tool is missing; {@code .ci/run} installs both.
 */
class ToolChecksIntegrationTests {

    @Test
    @EnabledIf("closedloop.deploy.InstalledTool#dockerComposeInstalled")
    void dockerComposeAcceptsTheComposeFile() {
        InstalledTool.Result result = InstalledTool.run(RepositoryFiles.ROOT,
                "docker-compose", "-f", ComposeFile.FILE, "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    @EnabledIf("closedloop.deploy.InstalledTool#dockerComposeInstalled")
    void dockerComposeRefusesAFileThatIsNotACompose(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), "services:\n  broken:\n    image: [not, an, image]\n");

        assertThat(InstalledTool.run(folder, "docker-compose", "-f", "docker-compose.yml", "config", "-q").exitCode())
                .isNotZero();
    }

    /**
     * Prometheus' configuration as compose mounts it: every file compose mounts into {@code /etc/prometheus/} is
     * copied to one folder under the name it has there, so that the rule file is found where the config names it.
     */
    @Test
    @EnabledIf("closedloop.deploy.InstalledTool#promtoolInstalled")
    void promtoolAcceptsPrometheusConfigurationAndItsRulesMountedAsComposeMountsThem(@TempDir Path etc) {
        ComposeFile.read().service("prometheus").path("volumes").forEach(volume -> {
            String[] mount = volume.asText().split(":");
            if (mount[0].startsWith("./") && mount[1].startsWith("/etc/prometheus/")) {
                copy(RepositoryFiles.path(mount[0].substring(2)),
                        etc.resolve(mount[1].substring("/etc/prometheus/".length())));
            }
        });

        InstalledTool.Result result = InstalledTool.run(etc, "promtool", "check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("rule files found");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
