package closedloop.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ./bench-loop} runs.
 *
 * @param steps        arrivals per second of each step of the ramp, in order; the ramp stops after the first step
 *                     that saturates (errors, or a backlog that does not drain)
 * @param stepSeconds  how long each step offers its rate
 * @param soakMinutes  how long the soak at the sustainable rate lasts (embedded mode only); 0 for none
 * @param modes        {@code embedded} (one JVM) and/or {@code split} (a JVM per part)
 * @param heap         the embedded default's -Xmx
 * @param partHeap     each part's -Xmx in split mode
 * @param drainSeconds how long a step's backlog may take to drain before the ramp stops
 * @param report       the Markdown report; the charts go beside it
 */
record LoopOptions(List<Double> steps, int stepSeconds, double soakMinutes, List<String> modes, String heap,
                   String partHeap, int drainSeconds, Path report) {

    static final String USAGE = """
            Usage: ./bench-loop [--steps 5,10,15,20,25,50,100,150,250,400,600,800,1000] [--step-seconds 60] [--soak-minutes 10]
                                [--modes embedded,split] [--heap 2g] [--part-heap 512m] [--drain-seconds 120]
                                [--report docs/benchmarks/loop.md]
            A quick try: ./bench-loop --steps 10,20 --step-seconds 15 --soak-minutes 0.5 --report /tmp/loop.md""";

    static LoopOptions parse(String[] args, Path repository) {
        LoopOptions options = new LoopOptions(List.of(5.0, 10.0, 15.0, 20.0, 25.0, 50.0, 100.0, 150.0, 250.0, 400.0,
                        600.0, 800.0, 1000.0),
                60, 10, List.of("embedded", "split"), "2g", "512m", 120,
                repository.resolve("docs/benchmarks/loop.md"));
        for (Option option : Option.of(args, USAGE)) {
            String value = option.value();
            options = switch (option.name()) {
                case "--steps" -> options.with(Arrays.stream(value.split(",")).map(Double::valueOf).toList(), null,
                        null, null, null, null, null, null);
                case "--step-seconds" -> options.with(null, Integer.valueOf(value), null, null, null, null, null,
                        null);
                case "--soak-minutes" -> options.with(null, null, Double.valueOf(value), null, null, null, null, null);
                case "--modes" -> options.with(null, null, null, List.of(value.split(",")), null, null, null, null);
                case "--heap" -> options.with(null, null, null, null, value, null, null, null);
                case "--part-heap" -> options.with(null, null, null, null, null, value, null, null);
                case "--drain-seconds" -> options.with(null, null, null, null, null, null, Integer.valueOf(value),
                        null);
                case "--report" -> options.with(null, null, null, null, null, null, null, Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + option.name() + "\n" + USAGE);
            };
        }
        if (options.modes.stream().anyMatch(mode -> !mode.equals("embedded") && !mode.equals("split"))) {
            throw new IllegalArgumentException("--modes takes embedded and/or split\n" + USAGE);
        }
        return options;
    }

    private LoopOptions with(List<Double> steps, Integer stepSeconds, Double soakMinutes, List<String> modes,
                             String heap, String partHeap, Integer drainSeconds, Path report) {
        return new LoopOptions(steps != null ? steps : this.steps, stepSeconds != null ? stepSeconds : this.stepSeconds,
                soakMinutes != null ? soakMinutes : this.soakMinutes, modes != null ? modes : this.modes,
                heap != null ? heap : this.heap, partHeap != null ? partHeap : this.partHeap,
                drainSeconds != null ? drainSeconds : this.drainSeconds, report != null ? report : this.report);
    }
}
