package closedloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers complaints on complaint-intake at a steady rate ({@code POST /api/v1/complaints}, open loop: a slow answer
 * does not delay the next request) and keeps, per request, when it was sent and how long the answer took.
 */
final class IntakeLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "intake-load");
        thread.setDaemon(true);
        return thread;
    });
    private final URI uri;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    IntakeLoad(String baseUrl, int perSecond) {
        this.uri = URI.create(baseUrl + "/api/v1/complaints");
        ticker.scheduleAtFixedRate(this::send, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    /** The answers that arrived for requests sent in {@code [from, to)} (epoch millis). */
    List<Sample> sentBetween(long from, long to) {
        synchronized (samples) {
            return samples.stream().filter(sample -> sample.sentAt() >= from && sample.sentAt() < to).toList();
        }
    }

    long failures() {
        return failures.get();
    }

    private void send() {
        long sentAt = System.currentTimeMillis();
        long started = System.nanoTime();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String body = """
                {"channel":"HOTLINE","category":"BILLING","customer":{"name":"Wang Fang","phone":"%s"},
                 "district":"Lixia","description":"Charged twice for the November data package"}""".formatted(phone);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Actor", "bench-agent")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long micros = (System.nanoTime() - started) / 1_000;
            if (error != null || response.statusCode() != 201) {
                failures.incrementAndGet();
                return;
            }
            synchronized (samples) {
                samples.add(new Sample(sentAt, micros));
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
     * @param micros from sending to the answer
     */
    record Sample(long sentAt, long micros) {
    }
}
