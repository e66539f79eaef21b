package closedloop.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./bench-token-validation} was asked to do.
 *
 * @param clients  concurrent clients of the closed loops
 * @param warmUp   seconds of each load before it is measured
 * @param seconds  seconds each load is measured
 * @param rate     requests per second of the open loops (null: half what the closed loop with the real token
 *                 achieved, a load the service keeps up with on this machine)
 * @param decodes  validations of the real token, one after another, in the benchmark's JVM (and as many of the
 *                 altered one; a fortieth of them with the unknown key)
 * @param raw      sends and inserts of the raw baselines, one at a time
 * @param workDir  where the Kafka log, the store file, the issuer's key and the child JVMs' logs go (emptied first)
 * @param report   the Markdown report written at the end
 * @param repoRoot where the runnable jars are
 * @param command  the command line as typed, for the report
 */
record TokenValidationOptions(int clients, int warmUp, int seconds, Integer rate, int decodes, int raw, Path workDir,
                              Path report, Path repoRoot, String command) {

    static final String USAGE = """
            ./bench-token-validation [--clients N] [--warm-up SECONDS] [--seconds SECONDS] [--rate N] [--decodes N]
                                     [--raw N] [--work-dir DIR] [--report FILE]
              --clients   concurrent clients of the closed loops (default 4)
              --warm-up   seconds of each load before it is measured (default 10)
              --seconds   seconds each load is measured (default 20)
              --rate      POST /api/v1/complaints per second of the open loops (default: half the closed loop's
                          throughput with the real token)
              --decodes   validations of the token alone in the benchmark JVM, per token (default 20000)
              --raw       raw Kafka sends and raw store inserts, one at a time (default 2000)
              --work-dir  Kafka log, store file, issuer key and child logs (default benchmarks/target/token-validation)
              --report    the report to write (default docs/benchmarks/token-validation.md)
            """;

    static TokenValidationOptions parse(String[] args, Path repoRoot) {
        int clients = 4;
        int warmUp = 10;
        int seconds = 20;
        Integer rate = null;
        int decodes = 20_000;
        int raw = 2_000;
        Path workDir = repoRoot.resolve("benchmarks/target/token-validation");
        Path report = repoRoot.resolve("docs/benchmarks/token-validation.md");
        List<String> shown = new ArrayList<>(List.of("./bench-token-validation"));
        for (Option option : Option.of(args, USAGE)) {
            String name = option.name();
            String value = option.value();
            shown.add(name);
            shown.add(value);
            switch (name) {
                case "--clients" -> clients = BenchmarkOptions.positive(name, value);
                case "--warm-up" -> warmUp = BenchmarkOptions.positive(name, value);
                case "--seconds" -> seconds = BenchmarkOptions.positive(name, value);
                case "--rate" -> rate = BenchmarkOptions.positive(name, value);
                case "--decodes" -> decodes = BenchmarkOptions.positive(name, value);
                case "--raw" -> raw = BenchmarkOptions.positive(name, value);
                case "--work-dir" -> workDir = Path.of(value).toAbsolutePath();
                case "--report" -> report = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (rate != null && rate > 1_000_000) {
            throw new IllegalArgumentException("--rate must be at most 1000000, not " + rate);
        }
        return new TokenValidationOptions(clients, warmUp, seconds, rate, decodes, raw, workDir, report, repoRoot,
                String.join(" ", shown));
    }

    /** The open loops' rate: the one asked for, else half the closed loop's throughput with the real token. */
    int openRate(double closedPerSecond) {
        return rate != null ? rate : Math.max(1, (int) Math.round(closedPerSecond / 2));
    }

    /** Validations of the token of an unknown key in the benchmark JVM (a few may fetch the key set again). */
    int unknownKeyDecodes() {
        return Math.max(1, decodes / 40);
    }
}
