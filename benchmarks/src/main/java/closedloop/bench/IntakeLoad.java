package closedloop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers complaints on complaint-intake at a steady rate ({@code POST /api/v1/complaints}, open loop: a slow answer
 * does not delay the next request) and keeps, per request answered as expected, when it was sent and how long the
 * answer took; any other answer counts as a failure.
 */
final class IntakeLoad implements AutoCloseable {

    private final HttpClient http = ComplaintPosts.client();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "intake-load");
        thread.setDaemon(true);
        return thread;
    });
    private final ComplaintPosts posts;
    private final int expectedStatus;
    private final List<Sample> samples = new ArrayList<>();
    private final Failures failures = new Failures();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    /**
     * @param expectedStatus the answer that counts as a success (201, or 401 for a refused token)
     */
    IntakeLoad(ComplaintPosts posts, int perSecond, int expectedStatus) {
        this.posts = posts;
        this.expectedStatus = expectedStatus;
        ticker.scheduleAtFixedRate(this::send, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    /** The answers that arrived for requests sent in {@code [from, to)} (epoch millis). */
    List<Sample> sentBetween(long from, long to) {
        synchronized (samples) {
            return samples.stream().filter(sample -> sample.sentAt() >= from && sample.sentAt() < to).toList();
        }
    }

    /** The requests that got another answer than the expected one, or none. */
    Failures failures() {
        return failures;
    }

    /** Every request sent so far. */
    long sent() {
        return sent.get();
    }

    /** Stops sending and waits until every request sent has its answer, or the time is up. */
    void stopAndAwaitAnswers(Duration timeout) throws InterruptedException {
        ticker.shutdownNow();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void send() {
        long sentAt = System.currentTimeMillis();
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        http.sendAsync(posts.next(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long nanos = System.nanoTime() - started;
            inFlight.decrementAndGet();
            if (error != null) {
                failures.unanswered(error);
                return;
            }
            if (response.statusCode() != expectedStatus) {
                failures.answered(response.statusCode());
                return;
            }
            synchronized (samples) {
                samples.add(new Sample(sentAt, nanos));
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /**
     * One answered request.
     *
     * @param sentAt epoch millis
     * @param nanos  from sending to the answer
     */
    record Sample(long sentAt, long nanos) {
    }
}
