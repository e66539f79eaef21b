package closedloop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine the benchmark ran on.
 *
 * @param cores what the JVM sees
 * @param ram   physical memory, as the OS reports it
 * @param os    name and version
 * @param cpu   the processor's model name, when /proc/cpuinfo says it
 * @param jdk   vendor and version of the JVM that runs the benchmark and the services
 */
record Machine(int cores, String ram, String os, String cpu, String jdk) {

    /** The report line that names the machine, with the load average at the time it is written. */
    String markdown() {
        return String.format(java.util.Locale.ROOT,
                "**Machine:** %d cores (%s), %s RAM, %s, %s. Load average at the end: %s.",
                cores, cpu, ram, os, jdk, loadAverage());
    }

    static Machine describe() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return new Machine(Runtime.getRuntime().availableProcessors(),
                String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024)),
                prettyOs().orElse(System.getProperty("os.name")) + " (" + System.getProperty("os.name") + " "
                        + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")",
                cpuModel().orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /**
     * The load average over 1, 5 and 15 minutes as /proc/loadavg says it (e.g. {@code 2.84 2.83 3.04}): how busy the
     * machine was with everything on it, the benchmark included; "unknown" where there is no such file.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static Optional<String> prettyOs() {
        return line(Path.of("/etc/os-release"), "PRETTY_NAME=").map(value -> value.replace("\"", ""));
    }

    private static Optional<String> cpuModel() {
        return line(Path.of("/proc/cpuinfo"), "model name").map(value -> value.replaceFirst("^\\s*:\\s*", ""));
    }

    private static Optional<String> line(Path file, String prefix) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()).trim());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
