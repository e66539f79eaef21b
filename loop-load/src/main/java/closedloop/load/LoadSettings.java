package closedloop.load;

import java.nio.file.Path;

/**
 * What one run of {@link RegisterComplaints} does, from system properties {@code loop.*} (defaults in brackets):
 * {@code loop.intake} complaint-intake's address [http://localhost:8081], {@code loop.token-endpoint} the issuer's
 * token endpoint [http://localhost:9000/oauth2/token], {@code loop.username}/{@code loop.password} the agent
 * [agent-017/demo], {@code loop.rate} arrivals per second [25], {@code loop.seconds} how long [60], {@code loop.seed}
 * [1], {@code loop.customers} [1,000,000], {@code loop.repeat-share} [0.05], {@code loop.answers} the answer log
 * [target/answers.csv].
 */
record LoadSettings(String intake, String tokenEndpoint, String username, String password, double rate, int seconds,
                    long seed, int customers, double repeatShare, Path answers) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                property("intake", "http://localhost:8081"),
                property("token-endpoint", "http://localhost:9000/oauth2/token"),
                property("username", "agent-017"),
                property("password", "demo"),
                Double.parseDouble(property("rate", "25")),
                Integer.parseInt(property("seconds", "60")),
                Long.parseLong(property("seed", "1")),
                Integer.parseInt(property("customers", "1000000")),
                Double.parseDouble(property("repeat-share", "0.05")),
                Path.of(property("answers", "target/answers.csv")));
    }

    private static String property(String name, String fallback) {
        return System.getProperty("loop." + name, fallback);
    }
}
