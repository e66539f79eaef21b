package closedloop.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./bench-sla-clocks} was asked to do.
 *
 * @param clocks      pending SLA clocks loaded in all (far-future ones fill up what the lag and storm cases leave)
 * @param lagCases    cases due one after another for the fire-lag probe
 * @param lagRate     how many of them fall due per second
 * @param storm       cases due at one and the same instant
 * @param intakeRate  complaint-intake POSTs per second during the run
 * @param lead        seconds from the end of loading to the first lag case (null: estimated from the load)
 * @param stormWait   the longest the storm is awaited, in seconds
 * @param storeCache  the store's page cache in MB (0: H2's default of 16 MB, as ./run-local has it)
 * @param mongoUri    an external MongoDB to measure on instead of the embedded store (null: the embedded store)
 * @param workDir     where the Kafka log, the store file and the child JVMs' logs go (emptied first)
 * @param report      the Markdown report written at the end
 * @param repoRoot    where the services' runnable jars are
 * @param command     the command line as typed, for the report
 */
record BenchmarkOptions(int clocks, int lagCases, int lagRate, int storm, int intakeRate, Integer lead, int stormWait,
                        int storeCache, String mongoUri, Path workDir, Path report, Path repoRoot, String command) {

    static final String USAGE = """
            ./bench-sla-clocks [--clocks N] [--lag-cases N] [--lag-rate N] [--storm N] [--intake-rate N]
                               [--lead SECONDS] [--storm-wait SECONDS] [--store-cache-mb N] [--mongo-uri URI]
                               [--work-dir DIR] [--report FILE]
              --clocks       pending SLA clocks loaded into the one escalation-service (default 1000000)
              --lag-cases    cases falling due one after another for the fire-lag probe (default 6000)
              --lag-rate     how many of them fall due per second (default 100)
              --storm        cases falling due at the same instant (default min(100000, clocks / 10))
              --intake-rate  complaint-intake POST /api/v1/complaints per second (default 20)
              --lead         seconds between the end of loading and the first due lag case (default: estimated)
              --storm-wait   longest wait for the storm's events, seconds (default 600)
              --store-cache-mb  page cache of the H2 store file (default 8192; 0 = H2's 16 MB, as ./run-local)
              --mongo-uri    measure on this MongoDB (e.g. MongoDB 7) instead of the embedded store; its databases
                             closedloop-escalation and closedloop-intake are DROPPED first
              --work-dir     Kafka log, store file and child logs (default benchmarks/target/sla-clocks)
              --report       the report to write (default docs/benchmarks/sla-clocks.md)
            """;

    static BenchmarkOptions parse(String[] args, Path repoRoot) {
        int clocks = 1_000_000;
        int lagCases = 6_000;
        int lagRate = 100;
        Integer storm = null;
        int intakeRate = 20;
        Integer lead = null;
        int stormWait = 600;
        int storeCache = 8192;
        String mongoUri = null;
        Path workDir = repoRoot.resolve("benchmarks/target/sla-clocks");
        Path report = repoRoot.resolve("docs/benchmarks/sla-clocks.md");
        List<String> shown = new ArrayList<>(List.of("./bench-sla-clocks"));
        for (Option option : Option.of(args, USAGE)) {
            String name = option.name();
            String value = option.value();
            shown.add(name);
            shown.add(name.equals("--mongo-uri") ? BenchmarkStore.redacted(value) : value);
            switch (name) {
                case "--clocks" -> clocks = positive(name, value);
                case "--lag-cases" -> lagCases = positive(name, value);
                case "--lag-rate" -> lagRate = positive(name, value);
                case "--storm" -> storm = positive(name, value);
                case "--intake-rate" -> intakeRate = positive(name, value);
                case "--lead" -> lead = positive(name, value);
                case "--storm-wait" -> stormWait = positive(name, value);
                case "--store-cache-mb" -> storeCache = Integer.parseInt(value);
                case "--mongo-uri" -> mongoUri = value;
                case "--work-dir" -> workDir = Path.of(value).toAbsolutePath();
                case "--report" -> report = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        int stormCases = storm != null ? storm : Math.min(100_000, clocks / 10);
        if (lagCases + stormCases > clocks) {
            throw new IllegalArgumentException("--clocks " + clocks + " cannot hold " + lagCases + " lag and "
                    + stormCases + " storm cases");
        }
        return new BenchmarkOptions(clocks, lagCases, lagRate, stormCases, intakeRate, lead, stormWait, storeCache,
                mongoUri, workDir, report, repoRoot, String.join(" ", shown));
    }

    /** The cases that fall due long after the run: they are only held. */
    int farCases() {
        return clocks - lagCases - storm;
    }

    /** How long the lag cases take to fall due, in milliseconds. */
    long lagSpanMillis() {
        return lagCases * 1000L / lagRate;
    }

    static int positive(String name, String value) {
        int parsed = Integer.parseInt(value.replace("_", ""));
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return parsed;
    }
}
