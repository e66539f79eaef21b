package closedloop.escalation.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks for due clocks on a real-time interval and fires them. The injected {@code Clock} decides what is due; the
 * interval only decides how often to look. Passes never overlap: a tick that comes while a pass runs is dropped.
 */
@Component
public class EscalationLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationLoop.class);

    private final Timekeeper timekeeper;
    private final EscalationProperties properties;
    private volatile Disposable loop;

    public EscalationLoop(Timekeeper timekeeper, EscalationProperties properties) {
        this.timekeeper = timekeeper;
        this.properties = properties;
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.scanInterval(), properties.scanInterval())
                .onBackpressureDrop()
                .concatMap(tick -> timekeeper.escalateDue()
                        .onErrorResume(error -> {
                            log.warn("Escalation pass failed; will try again: {}", error.toString());
                            return Mono.empty();
                        }), 1)
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
