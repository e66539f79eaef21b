package closedloop.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code ./chaos} runs.
 *
 * @param load          how long complaints keep coming
 * @param rate          complaints offered per second
 * @param serviceKills  how many times each of the four services is killed (SIGKILL)
 * @param brokerKills   how many times the broker is killed
 * @param storeKills    how many times the store is killed
 * @param storeStop     how long the store is stopped (SIGSTOP) once; zero for never
 * @param neglectEvery  every how many complaints one is never accepted, so that it must escalate; 0 for none
 * @param signFor       the sign-for limit (签收) of every category for the run, so that neglect shows within it
 * @param drain         how long the loop may take to finish after the load and the last fault
 * @param partHeap      each part's -Xmx
 * @param seed          orders and places the faults
 * @param work          the data folder and the parts' logs go here (emptied first)
 * @param report        the Markdown report, its chart beside it; null for none
 */
record ChaosOptions(Duration load, double rate, int serviceKills, int brokerKills, int storeKills, Duration storeStop,
                    int neglectEvery, Duration signFor, Duration drain, String partHeap, long seed, Path work,
                    Path report) {

    static final String USAGE = """
            Usage: ./chaos [--minutes 10] [--rate 3] [--service-kills 3] [--broker-kills 2] [--store-kills 1]
                           [--store-stop-seconds 60] [--neglect-every 10] [--sign-for-seconds 45] [--drain-minutes 10]
                           [--part-heap 384m] [--seed <number>] [--work target/chaos] [--report docs/reliability/chaos.md]
            A quick try: ./chaos --minutes 2 --rate 2 --service-kills 1 --broker-kills 1 --store-stop-seconds 20 --report /tmp/chaos.md""";

    static ChaosOptions parse(String[] args, Path repository) {
        double minutes = 10;
        double rate = 3;
        int serviceKills = 3;
        int brokerKills = 2;
        int storeKills = 1;
        int storeStopSeconds = 60;
        int neglectEvery = 10;
        int signForSeconds = 45;
        double drainMinutes = 10;
        String partHeap = "384m";
        long seed = System.currentTimeMillis();
        Path work = repository.resolve("target/chaos");
        Path report = repository.resolve("docs/reliability/chaos.md");
        for (Option option : Option.of(args, USAGE)) {
            String value = option.value();
            switch (option.name()) {
                case "--minutes" -> minutes = Double.parseDouble(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--service-kills" -> serviceKills = Integer.parseInt(value);
                case "--broker-kills" -> brokerKills = Integer.parseInt(value);
                case "--store-kills" -> storeKills = Integer.parseInt(value);
                case "--store-stop-seconds" -> storeStopSeconds = Integer.parseInt(value);
                case "--neglect-every" -> neglectEvery = Integer.parseInt(value);
                case "--sign-for-seconds" -> signForSeconds = Integer.parseInt(value);
                case "--drain-minutes" -> drainMinutes = Double.parseDouble(value);
                case "--part-heap" -> partHeap = value;
                case "--seed" -> seed = Long.parseLong(value);
                case "--work" -> work = Path.of(value);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + option.name() + "\n" + USAGE);
            }
        }
        if (minutes <= 0 || rate <= 0 || signForSeconds <= 0) {
            throw new IllegalArgumentException("--minutes, --rate and --sign-for-seconds must be above 0\n" + USAGE);
        }
        return new ChaosOptions(Duration.ofMillis((long) (minutes * 60_000)), rate, serviceKills, brokerKills,
                storeKills, Duration.ofSeconds(storeStopSeconds), neglectEvery, Duration.ofSeconds(signForSeconds),
                Duration.ofMillis((long) (drainMinutes * 60_000)), partHeap, seed, work, report);
    }

    /** The command line that repeats this run. */
    String commandLine() {
        return String.format(java.util.Locale.ROOT, "./chaos --minutes %s --rate %s --service-kills %d --broker-kills %d"
                        + " --store-kills %d --store-stop-seconds %d --neglect-every %d --sign-for-seconds %d --seed %d",
                load.toMillis() / 60_000.0, rate, serviceKills, brokerKills, storeKills, storeStop.toSeconds(),
                neglectEvery, signFor.toSeconds(), seed);
    }
}
