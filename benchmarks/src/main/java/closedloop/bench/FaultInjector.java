package closedloop.bench;

import closedloop.bench.FaultPlan.Fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link FaultPlan} to the running parts at its times and notes what happened. Faults on one part wait for
 * each other: a part is not killed again before its restart serves, nor killed while it is stopped; faults on
 * different parts overlap as their times say.
 */
final class FaultInjector implements AutoCloseable {

    /**
     * What was done and when the part was back.
     *
     * @param fault  the fault as planned
     * @param began  when it was applied
     * @param ended  when the part served again (killed) or was continued (stopped); null while it is not
     * @param failed why the part did not come back; null when it did
     */
    record Applied(Fault fault, Instant began, Instant ended, String failed) {

        /** How long the part was away, or null while it is. */
        Duration away() {
            return ended == null ? null : Duration.between(began, ended);
        }
    }

    private final ChaosParts parts;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "chaos-faults");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Void>> available = new ConcurrentHashMap<>();
    private final List<Applied> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> all = Collections.synchronizedList(new ArrayList<>());

    FaultInjector(ChaosParts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    /** Schedules every fault of the plan, its times counted from now. */
    void start(List<Fault> plan) {
        for (Fault fault : plan) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            scheduler.schedule(() -> {
                CompletableFuture<Void> after = available
                        .getOrDefault(fault.part(), CompletableFuture.completedFuture(null))
                        .thenComposeAsync(ready -> apply(fault), scheduler)
                        .exceptionally(failure -> null);
                available.put(fault.part(), after);
                after.thenRun(() -> done.complete(null));
            }, fault.at().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Completes once every fault was applied and its part is back. */
    CompletableFuture<Void> finished() {
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** What was applied so far, in the order it began. */
    List<Applied> applied() {
        synchronized (applied) {
            return applied.stream().sorted(java.util.Comparator.comparing(Applied::began)).toList();
        }
    }

    private CompletableFuture<Void> apply(Fault fault) {
        Instant began = clock.instant();
        int index;
        synchronized (applied) {
            index = applied.size();
            applied.add(new Applied(fault, began, null, null));
        }
        CompletableFuture<Void> back = switch (fault.kind()) {
            case KILL -> killAndRestart(fault.part());
            case STOP -> stopFor(fault.part(), fault.duration());
        };
        return back.whenComplete((ignored, failure) -> applied.set(index, new Applied(fault, began, clock.instant(),
                failure == null ? null : failure.toString())));
    }

    private CompletableFuture<Void> killAndRestart(String part) {
        try {
            parts.kill(part);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return parts.start(part);
    }

    private CompletableFuture<Void> stopFor(String part, Duration duration) {
        signal(part, "STOP");
        CompletableFuture<Void> continued = new CompletableFuture<>();
        scheduler.schedule(() -> {
            try {
                signal(part, "CONT");
                continued.complete(null);
            } catch (RuntimeException e) {
                continued.completeExceptionally(e);
            }
        }, duration.toMillis(), TimeUnit.MILLISECONDS);
        return continued;
    }

    private void signal(String part, String signal) {
        try {
            parts.signal(part, signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
