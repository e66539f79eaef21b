package closedloop.bench;

import closedloop.localstack.LocalStackApplication;
import closedloop.localstack.LocalStackSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The split-process mode of the embedded default ({@code ./run-local --split}) run part by part, so that one part can
 * be killed with SIGKILL and started again, or stopped (SIGSTOP) and continued (SIGCONT), while the others run on:
 * the store, the broker, the demo outbox, the issuer and the four services, each a JVM started from the same class
 * path as {@code java … LocalStackApplication --part <name>} on fixed loopback ports. Each part's console goes to
 * {@code <work>/logs/<part>.log}, a restarted part's appended. The console is not started: the chaos run uses the APIs.
 * Each JVM compiles with C1 only and collects with the serial collector: eight JVMs share two cores here, and a part
 * killed and started again should serve in a minute, not in two.
 */
final class ChaosParts implements AutoCloseable {

    /** Where each part is started, in order: what each later one needs is served by those before it. */
    static final List<String> STORE_AND_BROKER = List.of("mongodb", "kafka", "demo-outbox");
    static final List<String> SERVICES = List.of("complaint-intake", "ticket-router", "escalation-service",
            "notification-service");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final LocalStackSettings settings;
    private final Map<String, String> environment;
    private final List<String> javaCommand;
    private final Path logs;
    private final Map<String, Part> running = new ConcurrentHashMap<>();

    /**
     * @param extraEnvironment what every part's environment adds to the settings' (time limits, rate limits off …)
     */
    ChaosParts(Path work, String partHeap, Map<String, String> extraEnvironment) {
        this.settings = new LocalStackSettings(work.resolve("data"), 0, 0, 0, 0, 0, Map.of(), Map.of())
                .withFreePorts();
        this.environment = new LinkedHashMap<>(settings.environment());
        this.environment.putAll(extraEnvironment);
        this.javaCommand = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + partHeap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LocalStackApplication.class.getName(), "--part");
        this.logs = work.resolve("logs");
    }

    /** Starts every part, the store, broker and outbox first, then the issuer and the services together. */
    void startAll() {
        STORE_AND_BROKER.stream().map(this::start).toList().forEach(CompletableFuture::join);
        List<String> second = new ArrayList<>();
        second.add("identity-issuer");
        second.addAll(SERVICES);
        second.stream().map(this::start).toList().forEach(CompletableFuture::join);
    }

    /** Starts a part; completes once it serves, fails when it exits first or takes too long. */
    CompletableFuture<Void> start(String name) {
        ProcessBuilder builder = new ProcessBuilder(command(name)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logs);
            Part part = new Part(name, builder.start(), logs.resolve(name + ".log"));
            running.put(name, part);
            return part.up.orTimeout(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a part with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    void kill(String name) throws InterruptedException {
        Part part = running.remove(name);
        if (part != null) {
            part.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Stops (SIGSTOP) or continues (SIGCONT) a part: its process and its connections stay, it answers nothing. */
    void signal(String name, String signal) throws IOException, InterruptedException {
        Part part = running.get(name);
        if (part == null) {
            throw new IllegalStateException(name + " is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(part.process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " failed");
        }
    }

    /** Whether the part's current process serves. */
    boolean isUp(String name) {
        Part part = running.get(name);
        return part != null && part.up.isDone() && !part.up.isCompletedExceptionally() && part.process.isAlive();
    }

    String url(String part) {
        return "http://127.0.0.1:" + settings.servicePorts().get(part);
    }

    String kafka() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    String outbox() {
        return "http://127.0.0.1:" + settings.smsGatewayPort();
    }

    /** The processes of the parts now running. */
    List<ProcessHandle> processes() {
        return running.values().stream().map(part -> part.process.toHandle()).filter(ProcessHandle::isAlive).toList();
    }

    private List<String> command(String name) {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(name);
        return command;
    }

    /**
     * Stops every part, with SIGTERM and then SIGKILL after 20 s; continues a stopped one first. The services stop
     * together first, then the issuer and the outbox, then the broker, then the store: a service never loses its
     * broker or store while it stops, and nine JVMs stopping one after another took the short chaos run 20 s.
     */
    @Override
    public void close() throws InterruptedException {
        for (List<String> stage : List.of(SERVICES, List.of("identity-issuer", "demo-outbox"), List.of("kafka"),
                List.of("mongodb"))) {
            List<Part> parts = stage.stream().map(running::remove).filter(Objects::nonNull).toList();
            for (Part part : parts) {
                try {
                    new ProcessBuilder("kill", "-CONT", String.valueOf(part.process.pid())).start().waitFor();
                } catch (IOException e) {
                    // it is gone already
                }
                part.process.toHandle().destroy();
            }
            for (Part part : parts) {
                if (!part.process.waitFor(20, TimeUnit.SECONDS)) {
                    part.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** One run of a part's JVM, its console appended to its log and watched for the line that says it serves. */
    private static final class Part {

        private final String name;
        private final Process process;
        private final CompletableFuture<Void> up = new CompletableFuture<>();

        Part(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            Thread pump = new Thread(() -> pump(log), "chaos-" + name + "-console");
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(Path log) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.equals(LocalStackApplication.PART_UP + name)) {
                        up.complete(null);
                    }
                }
            } catch (IOException e) {
                // the console closes under the reader when the part is killed
            }
            up.completeExceptionally(new IllegalStateException(name + " exited before it served"));
        }
    }
}
