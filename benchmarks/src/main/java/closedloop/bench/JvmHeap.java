package closedloop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The heap a running JVM uses now, from {@code jstat -gc} of the JDK running the benchmark. */
final class JvmHeap {

    private JvmHeap() {
    }

    /** Survivors, eden and old generation in use, in MiB; 0 when the JVM does not answer (e.g. it just exited). */
    static double usedMegabytes(long pid) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstat.waitFor(30, TimeUnit.SECONDS);
            return jstat.exitValue() == 0 ? parse(out) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The used columns (S0U, S1U, EU, OU, in KiB) of {@code jstat -gc}'s two lines, in MiB. */
    static double parse(String jstatGc) {
        String[] lines = jstatGc.strip().split("\\R");
        if (lines.length < 2) {
            return 0;
        }
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        double kib = 0;
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                kib += Double.parseDouble(values[i]);
            }
        }
        return kib / 1024;
    }
}
