package closedloop.localstack;

import closedloop.console.WebConsoleApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.issuer.IssuerSettings;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The split-process mode of the embedded default ({@code ./run-local --split}): every {@link StackPart} in a JVM of
 * its own, started from the same classpath as {@code java <options> … --part <name>}, stage by stage, each stage once
 * the one before serves. Each part's console goes to {@code <data>/logs/<part>.log}. Ctrl-C stops the parts in reverse
 * order (SIGTERM, then SIGKILL after {@value #GRACE_SECONDS} s); a part that dies stops the rest.
 */
final class SplitStack {

    /** The options of each part's JVM unless {@code CLOSEDLOOP_SPLIT_JAVA_OPTS} says otherwise. */
    static final String DEFAULT_JAVA_OPTS = "-Xmx384m";
    private static final long GRACE_SECONDS = 20;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /**
     * How to start one part: its command line and what its environment adds to the launcher's.
     *
     * @param part        the part
     * @param command     the command line
     * @param environment the settings every part shares, ports included, as {@link LocalStackSettings} reads them
     */
    record Launch(StackPart part, List<String> command, Map<String, String> environment) {
    }

    private final List<Child> children = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;

    private SplitStack() {
    }

    /**
     * The launch of every part in start order.
     *
     * @param settings    the settings, every port fixed
     * @param javaCommand the command that runs the stack's main class, before its arguments
     */
    static List<Launch> plan(LocalStackSettings settings, List<String> javaCommand) {
        return StackPart.ALL.stream().sorted((a, b) -> Integer.compare(a.stage(), b.stage())).map(part -> {
            List<String> command = new ArrayList<>(javaCommand);
            command.addAll(List.of("--part", part.name()));
            return new Launch(part, List.copyOf(command), settings.environment());
        }).toList();
    }

    /**
     * The command that runs the stack's main class in a new JVM with these options: {@code -jar} the runnable jar when
     * this JVM runs from it, else on this JVM's class path (the tests, an IDE).
     */
    static List<String> javaCommand(String javaHome, String classPath, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(options);
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, LocalStackApplication.class.getName()));
        }
        return command;
    }

    /** Starts every part, prints the banner and waits until Ctrl-C, which stops them all. */
    static void run(LocalStackSettings configured, Map<String, String> env) throws InterruptedException {
        Instant begin = Instant.now();
        LocalStackSettings settings = configured.withFreePorts();
        List<String> options = Arrays.stream(env.getOrDefault("CLOSEDLOOP_SPLIT_JAVA_OPTS", DEFAULT_JAVA_OPTS)
                .trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
        List<String> java = javaCommand(System.getProperty("java.home"), System.getProperty("java.class.path"), options);
        SplitStack stack = new SplitStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Closed Loop: stopping...");
            stack.stop();
            stopped.countDown();
        }, "closedloop-shutdown"));
        Path logs = settings.dataDir().resolve("logs");
        Map<Integer, List<Launch>> stages = plan(settings, java).stream()
                .collect(Collectors.groupingBy(launch -> launch.part().stage(), TreeMap::new,
                        Collectors.toList()));
        try {
            for (List<Launch> stage : stages.values()) {
                List<Child> started = stage.stream().map(launch -> stack.start(launch, logs)).toList();
                started.forEach(Child::awaitUp);
            }
        } catch (RuntimeException e) {
            System.err.println("Closed Loop: " + e.getMessage() + "; stopping the rest.");
            System.exit(1);
        }
        System.out.println(banner(settings).text(Duration.between(begin, Instant.now()))
                + "Split into " + stack.children.size() + " processes; their logs are in " + logs.toAbsolutePath()
                + "\n");
        stopped.await();
    }

    private static StackBanner banner(LocalStackSettings settings) {
        IssuerSettings issuer = ConfigFile.of(IdentityIssuerApplication.NAME)
                .bind("closedloop.issuer", IssuerSettings.class).get();
        LocalStack.Wiring wiring = StackPart.wiring(settings);
        return new StackBanner(settings.dataDir(), StackPart.url(settings, WebConsoleApplication.NAME),
                StackPart.urls(settings), wiring.kafkaBootstrapServers(), wiring.mongoUri(),
                "http://localhost:" + settings.smsGatewayPort(), settings.smtpPort(), issuer);
    }

    private Child start(Launch launch, Path logs) {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectErrorStream(true);
        builder.environment().putAll(launch.environment());
        try {
            Files.createDirectories(logs);
            Child child = new Child(launch.part().name(), builder.start(), logs.resolve(launch.part().name() + ".log"));
            children.add(child);
            child.process.onExit().thenAccept(this::died);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part that exits while the stack is not stopping takes the rest down with it. */
    private void died(Process process) {
        if (stopping) {
            return;
        }
        String part = children.stream().filter(child -> child.process == process)
                .map(child -> child.name + " exited (code " + process.exitValue() + "; its log: "
                        + child.log.toAbsolutePath() + ")")
                .findFirst().orElse("a part exited");
        System.err.println("Closed Loop: " + part + "; stopping the rest.");
        new Thread(() -> System.exit(1), "closedloop-part-died").start();
    }

    /** Stops the parts in reverse start order, each gracefully, then forcibly if it does not stop in time. */
    private void stop() {
        stopping = true;
        List<Child> running = new ArrayList<>(children);
        Collections.reverse(running);
        running.forEach(Child::stop);
    }

    /** One part's JVM, its console copied to its log file and watched for the line that says it serves. */
    private static final class Child {

        private final String name;
        private final Process process;
        private final Path log;
        private final CompletableFuture<Void> up = new CompletableFuture<>();

        Child(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
            Thread pump = new Thread(this::pump, "closedloop-" + name + "-console");
            pump.setDaemon(true);
            pump.start();
        }

        void awaitUp() {
            try {
                up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " did not start; see " + log.toAbsolutePath(), e);
            }
        }

        void stop() {
            // through its handle: Process.destroy() would close the console under the pump, losing the part's last words
            process.toHandle().destroy();
            try {
                if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("Closed Loop: " + name + " did not stop within " + GRACE_SECONDS + " s; killed");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void pump() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.equals(StackPart.UP + name)) {
                        up.complete(null);
                    }
                }
            } catch (IOException e) {
                // the console closes under the reader while the part exits
            }
            up.completeExceptionally(new IllegalStateException(name + " exited before it served"));
        }
    }
}
