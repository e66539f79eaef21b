package closedloop.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed loop: a few clients, each sending its next request as soon as the previous one is answered, for a warm-up
 * and then a measured time; it keeps how long each answer took of the requests sent in the measured time that got the
 * expected status, and counts every other answer as a failure.
 */
final class ClosedLoad {

    private ClosedLoad() {
    }

    /** Runs {@code clients} threads on one HTTP client and returns what the measured time saw. */
    static Result run(HttpClient http, Supplier<HttpRequest> requests, int clients, Duration warmUp, Duration measured,
                      int expectedStatus) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        List<Long> nanos = new ArrayList<>();
        Failures failures = new Failures();
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                long started;
                while ((started = System.nanoTime()) < measureUntil) {
                    boolean counted = started >= measureFrom;
                    boolean expected = send(http, requests.get(), expectedStatus, failures);
                    long took = System.nanoTime() - started;
                    sent.incrementAndGet();
                    if (expected && counted) {
                        mine.add(took);
                    }
                }
                synchronized (nanos) {
                    nanos.addAll(mine);
                }
            }, "closed-load-" + i);
            client.setDaemon(true);
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        double perSecond = measured.isZero() ? 0 : nanos.size() * 1e9 / measured.toNanos();
        return new Result(Percentiles.of(nanos), perSecond, sent.get(), failures);
    }

    /** Sends the request and waits for its answer: whether it is the expected one (else it counts as a failure). */
    private static boolean send(HttpClient http, HttpRequest request, int expectedStatus, Failures failures) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != expectedStatus) {
                failures.answered(status);
            }
            return status == expectedStatus;
        } catch (IOException e) {
            failures.unanswered(e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.unanswered(e);
            return false;
        }
    }

    /**
     * What one closed loop measured.
     *
     * @param nanos     latency of the expected answers to requests sent in the measured time
     * @param perSecond those answers per second of measured time
     * @param requests  every request sent, over the warm-up and the measured time
     * @param failures  answers of another status, or none, over the warm-up and the measured time
     */
    record Result(Percentiles nanos, double perSecond, long requests, Failures failures) {
    }
}
