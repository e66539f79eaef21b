package closedloop.localstack;

import closedloop.console.WebConsoleApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.issuer.IssuerSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command's entry point: starts the embedded default, prints where everything is, and stops it cleanly on
 * Ctrl-C. Settings come from the environment (see {@link LocalStackSettings}); every {@code CLOSEDLOOP_*} and
 * Spring variable in the environment reaches the services too, e.g. {@code CLOSEDLOOP_SLA_BILLING_RESOLVE=PT20S}.
 * With {@code --split} it runs each part in a JVM of its own instead ({@link SplitStack}); {@code --part <name>} is how
 * such a JVM is started.
 */
public final class LocalStackApplication {

    /** What a part of the split-process mode prints once it serves, followed by its name: its launcher waits for it. */
    public static final String PART_UP = "Closed Loop part is up: ";

    private LocalStackApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        WebConsoleApplication.keepPooledConnectionsFresh();
        Instant begin = Instant.now();
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(System.getenv());
        List<String> arguments = List.of(args);
        if (arguments.contains("--split")) {
            SplitStack.run(settings, System.getenv());
            return;
        }
        int part = arguments.indexOf("--part");
        if (part >= 0 && part + 1 < arguments.size()) {
            StackPart.named(arguments.get(part + 1)).run(settings);
            return;
        }
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Closed Loop: stopping...");
            stack.close();
            stopped.countDown();
        }, "closedloop-shutdown"));
        printBanner(stack, settings, Duration.between(begin, Instant.now()));
        stopped.await();
    }

    private static void printBanner(LocalStack stack, LocalStackSettings settings, Duration took) {
        IssuerSettings issuer = stack.context(IdentityIssuerApplication.NAME).getBean(IssuerSettings.class);
        System.out.println(new StackBanner(settings.dataDir(), stack.consoleUrl(), stack.urls(),
                stack.kafkaBootstrapServers(), stack.mongoUri(), stack.outbox().url(), stack.outbox().smtpPort(),
                issuer).text(took));
    }
}
