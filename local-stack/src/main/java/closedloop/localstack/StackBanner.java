package closedloop.localstack;

import closedloop.issuer.IssuerSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the run command prints once everything is up, the same in one JVM and split into processes: where the data
 * is, every address, and who may sign in.
 *
 * @param dataDir    the data folder
 * @param consoleUrl the web console, the address people open
 * @param urls       the issuer, the services and the console, each by name, in start order
 * @param kafka      the broker's bootstrap servers
 * @param mongoUri   the store
 * @param outboxUrl  the demo outbox's SMS gateway and mail list
 * @param smtpPort   the demo outbox's SMTP port
 * @param issuer     the issuer's settings: its demo users and their password
 */
record StackBanner(Path dataDir, String consoleUrl, Map<String, String> urls, String kafka, String mongoUri,
                   String outboxUrl, int smtpPort, IssuerSettings issuer) {

    /** The banner, saying how long the start took. */
    String text(Duration took) {
        StringBuilder banner = new StringBuilder("\nClosed Loop is up (" + took.toSeconds() + " s). Data in "
                + dataDir.toAbsolutePath() + "\n");
        banner.append("  Open the console:     ").append(consoleUrl).append("\n");
        urls.forEach((name, url) -> {
            if (!url.equals(consoleUrl)) {
                banner.append(String.format("  %-21s %s%n", name, url));
            }
        });
        banner.append(String.format("  %-21s %s%n", "kafka", kafka));
        banner.append(String.format("  %-21s %s%n", "mongodb", mongoUri));
        banner.append(String.format("  %-21s %s%n", "sms gateway (demo)", outboxUrl + "/sms/messages"));
        banner.append(String.format("  %-21s POST %s%n", "customer replies", outboxUrl + "/sms/replies"));
        banner.append(String.format("  %-21s %s%n", "mail (demo)", outboxUrl + "/mail/messages"));
        banner.append(String.format("  %-21s %s%n", "smtp (demo)", "127.0.0.1:" + smtpPort));
        banner.append(demoUsers());
        banner.append("Open ").append(consoleUrl)
                .append(" in a browser, or follow the README's walk-through with curl. Ctrl-C stops everything.\n");
        return banner.toString();
    }

    /** Who may sign in at the issuer, with their roles and branches; every demo user's password is the same. */
    private String demoUsers() {
        StringBuilder users = new StringBuilder("Sign in (password \"" + issuer.demoPassword() + "\") as:\n");
        issuer.users().forEach(user -> users.append(String.format("  %-21s %s %s%n", user.username(),
                String.join(",", user.roleNames()), String.join(",", user.branches()))));
        return users.toString();
    }
}
