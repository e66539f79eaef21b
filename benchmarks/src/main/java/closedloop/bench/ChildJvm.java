package closedloop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A service run as a child JVM from its runnable jar, its console copied to a log file and kept in memory with the
 * instant each line was seen, so that the benchmark can wait for a line and read the service's own log timestamps.
 */
final class ChildJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final long startedAt;
    private final int port;
    private final List<LogLine> lines = new ArrayList<>();
    /** Set before the child is stopped, when its console may close under the reader. */
    private volatile boolean stopping;

    private ChildJvm(String name, Process process, long startedAt, int port, Path log) {
        this.name = name;
        this.process = process;
        this.startedAt = startedAt;
        this.port = port;
        Thread pump = new Thread(() -> pump(log), name + "-console");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code java <jvmArgs> -jar <jar> <appArgs>} with the JDK running this benchmark. */
    static ChildJvm start(String name, Path jar, List<String> jvmArgs, List<String> appArgs, int port, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar " + jar + "; build with ./mvnw -pl benchmarks -am package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(appArgs);
        long startedAt = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(name, process, startedAt, port, log);
    }

    long pid() {
        return process.pid();
    }

    /** When the process was started (epoch millis). */
    long startedAt() {
        return startedAt;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for the first line the predicate accepts; fails when the JVM exits or the time runs out. */
    LogLine awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (; from < lines.size(); from++) {
                    if (wanted.test(lines.get(from).text())) {
                        return lines.get(from);
                    }
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " did not log what was awaited within " + timeout);
    }

    /** Every line seen so far that the predicate accepts. */
    List<LogLine> linesMatching(Predicate<String> wanted) {
        synchronized (lines) {
            return lines.stream().filter(line -> wanted.test(line.text())).toList();
        }
    }

    /** GET on the service; the body, or empty when it does not answer 200. */
    Optional<String> get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs {@code jcmd <pid> <command...>} and returns what it printed. */
    String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(String.valueOf(pid()));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The CPU time the JVM has used so far (user and system, all threads), or -1 where the OS does not say. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String text;
            while ((text = in.readLine()) != null) {
                out.println(text);
                synchronized (lines) {
                    lines.add(new LogLine(text, System.currentTimeMillis()));
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                throw new UncheckedIOException(e);
            }
            // Process.destroy() closes the console under the reader while the child is still exiting
        }
    }

    /**
     * A console line and when the benchmark saw it (epoch millis).
     */
    record LogLine(String text, long seenAt) {

        /** The service's own timestamp at the start of the line (Spring Boot's ISO format), else when it was seen. */
        long loggedAt() {
            int space = text.indexOf(' ');
            if (space > 0) {
                try {
                    return OffsetDateTime.parse(text.substring(0, space)).toInstant().toEpochMilli();
                } catch (DateTimeParseException notATimestamp) {
                    return seenAt;
                }
            }
            return seenAt;
        }
    }
}
