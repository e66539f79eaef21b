package closedloop.escalation.supervision;

import closedloop.contracts.ClosedLoopEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This instance's live feed of alerts as they are raised, for every subscriber (the SSE streams). A subscriber that
 * falls behind loses its oldest alerts rather than holding up the others; a subscriber sees only what is raised
 * after it subscribed.
 */
@Component
public class LiveAlerts {

    private final Sinks.Many<Alert> sink = Sinks.many().multicast().directBestEffort();
    private final AlertDesk alerts;
    private final int buffer;

    public LiveAlerts(AlertDesk alerts, SupervisionProperties properties) {
        this.alerts = alerts;
        this.buffer = properties.liveBuffer();
    }

    /** Tells every current subscriber about the alert this event raises, if it raises one; emits that alert. */
    public Mono<Alert> tellRaisedBy(ClosedLoopEvent event) {
        return alerts.alertFor(event).doOnNext(this::tell);
    }

    /** Tells every current subscriber about a raised alert. */
    public synchronized void tell(Alert alert) {
        sink.tryEmitNext(alert);
    }

    /** The alerts raised from now on. */
    public Flux<Alert> alerts() {
        return sink.asFlux().onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
    }
}
