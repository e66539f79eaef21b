package closedloop.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a pass of work at a fixed interval and whenever nudged, never two passes at once, for as long as the
 * application runs. A failed pass is logged and the next one runs as usual; a pass that emits {@code true} had more
 * work than it took and is followed at once by another.
 */
public class PeriodicPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<Boolean>> pass;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private final AtomicLong completed = new AtomicLong();
    private volatile Disposable loop;

    public PeriodicPass(String name, Duration interval, Supplier<Mono<Boolean>> pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    /** Asks for a pass now rather than at the next interval. */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /**
     * How many passes have finished, with or without work and with or without failure. A test that must show that
     * nothing happens waits for a few more passes to finish, then asserts.
     */
    public long completedPasses() {
        return completed.get();
    }

    @Override
    public void start() {
        loop = Flux.merge(Flux.interval(Duration.ZERO, interval).map(tick -> Boolean.TRUE), nudges.asFlux())
                .onBackpressureLatest()
                .concatMap(tick -> Mono.defer(pass)
                        .doOnNext(moreWork -> {
                            if (moreWork) {
                                nudge();
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("{} failed; will try again: {}", name, PhoneNumbers.maskAll(error.toString()));
                            return Mono.empty();
                        })
                        .doFinally(signal -> completed.incrementAndGet()), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
