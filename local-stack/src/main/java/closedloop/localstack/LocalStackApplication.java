package closedloop.localstack;

import closedloop.console.WebConsoleApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.issuer.IssuerSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The run command's entry point: starts the embedded default, prints where everything is, and stops it cleanly on
 * Ctrl-C. Settings come from the environment (see {@link LocalStackSettings}); every {@code CLOSEDLOOP_*} and
 * Spring variable in the environment reaches the services too, e.g. {@code CLOSEDLOOP_SLA_BILLING_RESOLVE=PT20S}.
 */
public final class LocalStackApplication {

    private LocalStackApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        WebConsoleApplication.keepPooledConnectionsFresh();
        Instant begin = Instant.now();
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(System.getenv());
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
        StringBuilder banner = new StringBuilder("\nClosed Loop is up (" + took.toSeconds() + " s). Data in "
                + settings.dataDir().toAbsolutePath() + "\n");
        banner.append("  Open the console:     ").append(stack.consoleUrl()).append("\n");
        stack.urls().forEach((name, url) -> {
            if (!url.equals(stack.consoleUrl())) {
                banner.append(String.format("  %-21s %s%n", name, url));
            }
        });
        banner.append(String.format("  %-21s %s%n", "kafka", stack.kafkaBootstrapServers()));
        banner.append(String.format("  %-21s %s%n", "mongodb", stack.mongoUri()));
        banner.append(String.format("  %-21s %s%n", "sms gateway (demo)", stack.outbox().url() + "/sms/messages"));
        banner.append(String.format("  %-21s POST %s%n", "customer replies", stack.outbox().url() + "/sms/replies"));
        banner.append(String.format("  %-21s %s%n", "mail (demo)", stack.outbox().url() + "/mail/messages"));
        banner.append(String.format("  %-21s %s%n", "smtp (demo)", "127.0.0.1:" + stack.outbox().smtpPort()));
        banner.append(demoUsers(stack));
        banner.append("Open ").append(stack.consoleUrl())
                .append(" in a browser, or follow the README's walk-through with curl. Ctrl-C stops everything.\n");
        System.out.println(banner);
    }

    /** Who may sign in at the issuer, with their roles and branches; every demo user's password is the same. */
    private static String demoUsers(LocalStack stack) {
        IssuerSettings issuer = stack.context(IdentityIssuerApplication.NAME).getBean(IssuerSettings.class);
        StringBuilder users = new StringBuilder("Sign in (password \"" + issuer.demoPassword() + "\") as:\n");
        issuer.users().forEach(user -> users.append(String.format("  %-21s %s %s%n", user.username(),
                String.join(",", user.roleNames()), String.join(",", user.branches()))));
        return users.toString();
    }
}
