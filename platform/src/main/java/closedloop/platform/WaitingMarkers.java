package closedloop.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sets each {@link WaitingMarker} once at start on the documents its state says wait but that carry no marker: those
 * stored before the marker existed, which its pass would otherwise never find. It reads by state, so on a store
 * without secondary indexes it is a scan, once per start; it sets the marker to the start's instant, leaves every
 * other field and the version as they are, and changes nothing the second time. A failed backfill is tried again.
 */
public class WaitingMarkers implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WaitingMarkers.class);

    private final ReactiveMongoTemplate mongo;
    private final List<WaitingMarker> markers;
    private final Clock clock;
    private volatile Disposable atStart;

    public WaitingMarkers(ReactiveMongoTemplate mongo, List<WaitingMarker> markers, Clock clock) {
        this.mongo = mongo;
        this.markers = List.copyOf(markers);
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Retry untilSet = Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                .doBeforeRetry(failed -> log.warn("Waiting markers not set; will try again: {}",
                        PhoneNumbers.maskAll(failed.failure().toString())));
        atStart = backfill().retryWhen(untilSet).subscribe();
    }

    /** Stops a backfill still trying when the application stops. */
    @Override
    public void destroy() {
        Disposable running = atStart;
        if (running != null) {
            running.dispose();
        }
    }

    /** Sets every marker where its state says the document waits and the marker is missing; emits how many. */
    public Mono<Long> backfill() {
        return Flux.fromIterable(markers).concatMap(this::backfill).reduce(0L, Long::sum);
    }

    private Mono<Long> backfill(WaitingMarker marker) {
        Query unmarked = new Query(new Criteria().andOperator(marker.waitingByState(),
                where(marker.field()).exists(false)));
        return mongo.updateMulti(unmarked, new Update().set(marker.field(), clock.instant()), marker.collection())
                .map(result -> result.getModifiedCount())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Set {} on {} waiting documents of {} stored before it existed", marker.field(),
                                count, marker.collection());
                    }
                });
    }
}
