package closedloop.bench;

import java.nio.file.Path;

/**
 * What {@code ./bench-what-if} runs.
 *
 * @param complaints  how many complaint histories to store and replay
 * @param runs        how many measured runs of each step (after one warm-up)
 * @param storeCache  the embedded store's page cache in MB (0: H2's default, as ./run-local has it)
 * @param report      the Markdown report
 */
record WhatIfOptions(int complaints, int runs, int storeCache, Path report) {

    static final String USAGE = """
            Usage: ./bench-what-if [--complaints 100000] [--runs 3] [--store-cache 0] [--report docs/benchmarks/what-if.md]
            A quick try: ./bench-what-if --complaints 5000 --runs 1 --report /tmp/what-if.md""";

    static WhatIfOptions parse(String[] args, Path repository) {
        WhatIfOptions options = new WhatIfOptions(100_000, 3, 0, repository.resolve("docs/benchmarks/what-if.md"));
        for (Option option : Option.of(args, USAGE)) {
            String value = option.value();
            options = switch (option.name()) {
                case "--complaints" -> new WhatIfOptions(BenchmarkOptions.positive("--complaints", value),
                        options.runs, options.storeCache, options.report);
                case "--runs" -> new WhatIfOptions(options.complaints, BenchmarkOptions.positive("--runs", value),
                        options.storeCache, options.report);
                case "--store-cache" -> new WhatIfOptions(options.complaints, options.runs, Integer.parseInt(value),
                        options.report);
                case "--report" -> new WhatIfOptions(options.complaints, options.runs, options.storeCache,
                        Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + option.name() + "\n" + USAGE);
            };
        }
        return options;
    }

    /** The command line that gives these options, for the report. */
    String command() {
        return "./bench-what-if --complaints " + complaints + " --runs " + runs
                + (storeCache == 0 ? "" : " --store-cache " + storeCache);
    }
}
