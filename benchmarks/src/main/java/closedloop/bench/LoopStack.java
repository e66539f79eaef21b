package closedloop.bench;

import closedloop.localstack.LocalStackSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded default as a user runs it ({@code java -jar <local-stack exec jar>}, or with {@code --split} every part
 * in a JVM of its own), on a fresh data folder and free loopback ports, with the per-person rate limit off: the load
 * signs in as one agent but stands for a whole call centre. Knows its processes, to read their CPU time and heap.
 */
final class LoopStack implements AutoCloseable {

    /** How long a start may take: a restart on a million complaints took 14.6 minutes before the stored indexes. */
    private static final int STARTUP_MINUTES = 20;

    private final Process launcher;
    private final LocalStackSettings settings;
    private final Launch launch;
    private final CompletableFuture<Void> up = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();
    private volatile long upNanos;

    private LoopStack(Process launcher, LocalStackSettings settings, Launch launch) {
        this.launcher = launcher;
        this.settings = settings;
        this.launch = launch;
        Thread pump = new Thread(() -> pump(launch.log()), "stack-console");
        pump.setDaemon(true);
        pump.start();
    }

    /** How it was launched, to launch it again. */
    private record Launch(Path jar, boolean split, String heap, Path work, Path log) {
    }

    /**
     * Starts it and waits for its banner.
     *
     * @param name      names its data folder ({@code data-<name>}) and log ({@code stack-<name>.log}) in {@code work}
     * @param split     each part in its own JVM
     * @param heap      the one JVM's {@code -Xmx}, or each part's in split mode (whose launcher only launches)
     */
    static LoopStack start(Path jar, String name, boolean split, String heap, Path work)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar " + jar + "; build with ./mvnw -pl benchmarks -am package");
        }
        Path data = work.resolve("data-" + name);
        deleteRecursively(data);
        LocalStackSettings settings = new LocalStackSettings(data, 0, 0, 0, 0, 0, Map.of(), Map.of()).withFreePorts();
        return launch(settings, new Launch(jar, split, heap, work, work.resolve("stack-" + name + ".log")));
    }

    /**
     * Stops it as {@link #close()} does, then starts it again on the same data folder and ports (its log goes on in
     * {@code <log>.restarted}) and waits for its banner: what an operator's restart costs on the data it holds.
     */
    LoopStack restart() throws IOException, InterruptedException {
        close();
        Path log = launch.log().resolveSibling(launch.log().getFileName() + ".restarted");
        return launch(settings, new Launch(launch.jar(), launch.split(), launch.heap(), launch.work(), log));
    }

    private static LoopStack launch(LocalStackSettings settings, Launch launch) throws IOException,
            InterruptedException {
        boolean split = launch.split();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + (split ? "256m" : launch.heap()), "-jar", launch.jar().toString()));
        // e.g. BENCH_STACK_JAVA_OPTS=-XX:StartFlightRecording=filename=loop.jfr to profile the one JVM
        String extra = System.getenv("BENCH_STACK_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(command.size() - 2, List.of(extra.trim().split("\\s+")));
        }
        if (split) {
            command.add("--split");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings.environment());
        builder.environment().put("CLOSEDLOOP_RATE_LIMITS_ENABLED", "false");
        if (split) {
            builder.environment().put("CLOSEDLOOP_SPLIT_JAVA_OPTS", "-Xmx" + launch.heap());
        }
        LoopStack stack = new LoopStack(builder.start(), settings, launch);
        try {
            stack.up.get(STARTUP_MINUTES, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            stack.close();
            throw new IllegalStateException("The stack did not come up; see its log in " + launch.work(), e);
        }
        return stack;
    }

    Duration startup() {
        return Duration.ofNanos(upNanos - startedNanos);
    }

    String intake() {
        return "http://127.0.0.1:" + settings.servicePorts().get("complaint-intake");
    }

    String tokenEndpoint() {
        return "http://127.0.0.1:" + settings.servicePorts().get("identity-issuer") + "/oauth2/token";
    }

    String kafka() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    String mongo() {
        return "mongodb://127.0.0.1:" + settings.mongoPort();
    }

    /** The launcher and every JVM it started. */
    List<ProcessHandle> processes() {
        return Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants()).filter(ProcessHandle::isAlive)
                .toList();
    }

    /** CPU time (user and system) of all its processes so far, in seconds. */
    double cpuSeconds() {
        return processes().stream().mapToLong(process -> process.info().totalCpuDuration()
                .map(Duration::toMillis).orElse(0L)).sum() / 1000.0;
    }

    /** The heap in use in all its JVMs now (jstat: survivors, eden and old), in MiB. */
    double heapMegabytes() {
        double total = 0;
        for (ProcessHandle process : processes()) {
            total += JvmHeap.usedMegabytes(process.pid());
        }
        return total;
    }

    private void pump(Path log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                out.flush();
                if (line.startsWith("Closed Loop is up") && !up.isDone()) {
                    upNanos = System.nanoTime();
                    up.complete(null);
                }
            }
        } catch (IOException e) {
            up.completeExceptionally(e);
        }
        up.completeExceptionally(new IllegalStateException("The stack's console closed"));
    }

    /** Stops it as Ctrl-C does (SIGTERM to the launcher, which stops its parts), then kills what is left. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = processes();
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
