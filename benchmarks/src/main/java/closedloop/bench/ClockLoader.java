package closedloop.bench;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Bulk-inserts case documents into {@code sla_cases} in batches of {@value #BATCH}: one thread builds them (the
 * service's own domain code and converter), the caller's thread inserts them, so both cores work.
 */
final class ClockLoader {

    static final int BATCH = 1_000;
    private static final Duration INSERT_TIMEOUT = Duration.ofMinutes(2);

    private final MongoCollection<Document> cases;

    ClockLoader(MongoCollection<Document> cases) {
        this.cases = cases;
    }

    /**
     * Builds and inserts {@code count} cases, the i-th by {@code build}; hands each to {@code built} (for the
     * expectations) and prints progress. Emits the wall time taken.
     */
    Duration load(String what, int count, IntFunction<CaseDocuments.Built> build,
                  Consumer<CaseDocuments.Built> built) throws InterruptedException {
        long started = System.nanoTime();
        BlockingQueue<List<Document>> batches = new ArrayBlockingQueue<>(8);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread builder = new Thread(() -> {
            try {
                List<Document> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < count; i++) {
                    CaseDocuments.Built one = build.apply(i);
                    built.accept(one);
                    batch.add(one.document());
                    if (batch.size() == BATCH || i == count - 1) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "case-builder");
        builder.start();
        int inserted = 0;
        int nextReport = 100_000;
        while (inserted < count) {
            List<Document> batch = batches.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (batch == null) {
                if (failed.get() != null) {
                    throw new IllegalStateException("Building cases failed", failed.get());
                }
                continue;
            }
            Mono.from(cases.insertMany(batch, new InsertManyOptions().ordered(false))).block(INSERT_TIMEOUT);
            inserted += batch.size();
            if (inserted >= nextReport || inserted == count) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("  %s: %,d of %,d inserted (%,d/s)%n", what, inserted, count,
                        millis == 0 ? 0 : inserted * 1000L / millis);
                nextReport += 100_000;
            }
        }
        builder.join();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
