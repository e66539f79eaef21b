package closedloop.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the deployment checks run, found on the {@code PATH}: Debian's {@code docker-compose} and
 * {@code promtool}, which {@code .ci/run} installs. Tests that need one say {@code @EnabledIf} on its check, as the
 * browser tests do for chromium, so that they skip where it is missing and always run in CI.
 */
final class InstalledTool {

    private static final long TIMEOUT_SECONDS = 120;

    private InstalledTool() {
    }

    /** For {@code @EnabledIf}: Debian's docker-compose (1.29), which validates a compose file without an engine. */
    static boolean dockerComposeInstalled() {
        return find("docker-compose").isPresent();
    }

    /** For {@code @EnabledIf}: Prometheus' promtool (Debian's {@code prometheus} package). */
    static boolean promtoolInstalled() {
        return find("promtool").isPresent();
    }

    /** Runs a tool to its end in a folder and answers its exit code and everything it printed. */
    static Result run(Path folder, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, find(command[0]).map(Path::toString).orElse(command[0]));
        try {
            Path output = Files.createTempFile("deploy-tool", ".out");
            try {
                Process process = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end in "
                            + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> find(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder).resolve(name);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** How a tool ended: its exit code and its output (standard output and error together). */
    record Result(int exitCode, String output) {
    }
}
