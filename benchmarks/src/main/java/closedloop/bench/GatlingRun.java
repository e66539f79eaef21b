package closedloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the Gatling simulation {@code closedloop.load.RegisterComplaints} (module loop-load, which does not
 * inherit Spring Boot's BOM) in a JVM of its own: agents registering complaints at a fixed arrival rate for a while.
 * Returns every answer from the simulation's answer log.
 */
final class GatlingRun {

    private final Path loadModule;
    private final Path work;

    /**
     * @param loadModule the loop-load module, built ({@code target/classes}, {@code target/classpath.txt})
     */
    GatlingRun(Path loadModule, Path work) {
        this.loadModule = loadModule;
        this.work = work;
    }

    List<Answer> run(LoopStack stack, String name, double perSecond, int seconds, long seed)
            throws IOException, InterruptedException {
        Path answers = work.resolve("answers-" + name + ".csv");
        Path classpathFile = loadModule.resolve("target/classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("loop-load is not built: ./mvnw -B -q -DskipTests -pl loop-load package");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", loadModule.resolve("target/classes") + ":" + Files.readString(classpathFile).strip(),
                "-Dloop.intake=" + stack.intake(), "-Dloop.token-endpoint=" + stack.tokenEndpoint(),
                "-Dloop.rate=" + perSecond, "-Dloop.seconds=" + seconds, "-Dloop.seed=" + seed,
                "-Dloop.answers=" + answers,
                "io.gatling.app.Gatling", "-s", "closedloop.load.RegisterComplaints", "-nr",
                "-rf", work.resolve("gatling").toString(), "-rd", name);
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("gatling-" + name + ".log").toFile()).start();
        if (!gatling.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            gatling.destroyForcibly();
            throw new IllegalStateException("Gatling did not finish " + name);
        }
        return read(answers);
    }

    static List<Answer> read(Path answers) throws IOException {
        List<Answer> all = new ArrayList<>();
        for (String line : Files.readAllLines(answers)) {
            String[] fields = line.split(",", -1);
            if (fields.length < 4 || !Character.isDigit(fields[0].isEmpty() ? 'x' : fields[0].charAt(0))) {
                continue;
            }
            all.add(new Answer(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Integer.parseInt(fields[2]),
                    fields[3].isEmpty() ? null : fields[3]));
        }
        return all;
    }

    /**
     * One answer to a {@code POST /api/v1/complaints}.
     *
     * @param sentAt        epoch millis
     * @param latencyMillis until the answer, as Gatling measured it; -1 when none came
     * @param status        the HTTP status, 0 when none came
     * @param complaintId   the id of the complaint a 201 created
     */
    record Answer(long sentAt, long latencyMillis, int status, String complaintId) {

        boolean created() {
            return status == 201 && complaintId != null;
        }
    }
}
