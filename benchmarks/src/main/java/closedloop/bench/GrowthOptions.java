package closedloop.bench;

import java.nio.file.Path;

/**
 * What {@code ./bench-loop-growth} runs.
 *
 * @param complaints  how many complaints to store between the two measurements
 * @param rate        arrivals per second of both measurements
 * @param seconds     how long each measurement offers its rate
 * @param heap        the embedded default's -Xmx
 * @param rawWrites   how many times the raw driver does the POST's two writes, before and after
 * @param report      the Markdown report
 */
record GrowthOptions(int complaints, double rate, int seconds, String heap, int rawWrites, Path report) {

    static final String USAGE = """
            Usage: ./bench-loop-growth [--complaints 1000000] [--rate 5] [--seconds 120] [--heap 2g] [--raw-writes 1000]
                                       [--report docs/benchmarks/loop-growth.md]
            A quick try: ./bench-loop-growth --complaints 20000 --seconds 20 --report /tmp/growth.md""";

    static GrowthOptions parse(String[] args, Path repository) {
        GrowthOptions options = new GrowthOptions(1_000_000, 5, 120, "2g", 1_000,
                repository.resolve("docs/benchmarks/loop-growth.md"));
        for (Option option : Option.of(args, USAGE)) {
            String value = option.value();
            options = switch (option.name()) {
                case "--complaints" -> new GrowthOptions(Integer.parseInt(value), options.rate, options.seconds,
                        options.heap, options.rawWrites, options.report);
                case "--rate" -> new GrowthOptions(options.complaints, Double.parseDouble(value), options.seconds,
                        options.heap, options.rawWrites, options.report);
                case "--seconds" -> new GrowthOptions(options.complaints, options.rate, Integer.parseInt(value),
                        options.heap, options.rawWrites, options.report);
                case "--heap" -> new GrowthOptions(options.complaints, options.rate, options.seconds, value,
                        options.rawWrites, options.report);
                case "--raw-writes" -> new GrowthOptions(options.complaints, options.rate, options.seconds,
                        options.heap, Integer.parseInt(value), options.report);
                case "--report" -> new GrowthOptions(options.complaints, options.rate, options.seconds,
                        options.heap, options.rawWrites, Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + option.name() + "\n" + USAGE);
            };
        }
        if (options.complaints < 1 || options.rate <= 0 || options.seconds < 1 || options.rawWrites < 1) {
            throw new IllegalArgumentException("--complaints, --rate, --seconds and --raw-writes must be positive\n"
                    + USAGE);
        }
        return options;
    }
}
