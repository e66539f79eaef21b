package closedloop.platform.outbox;

import closedloop.platform.PeriodicPass;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * How far each outbox collection's relay is behind, as two gauges per collection: {@value #BACKLOG}
 * ({@code closedloop_outbox_backlog}: documents with events not yet published) and {@value #AGE}
 * ({@code closedloop_outbox_age_seconds}: how long the oldest of them has waited, 0 when none waits). Both are read
 * on an interval from the sparse {@code outboxSince} index (a count and the first entry in index order), never on a
 * scrape, so that a scrape costs the store nothing. Age is measured on the service's clock, as {@code outboxSince} is.
 */
public class OutboxGauges implements MeterBinder, SmartLifecycle {

    public static final String BACKLOG = "closedloop.outbox.backlog";
    public static final String AGE = "closedloop.outbox.age";

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxSource> sources;
    private final Clock clock;
    private final PeriodicPass reading;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    public OutboxGauges(ReactiveMongoTemplate mongo, List<OutboxSource> sources, Clock clock, Duration interval) {
        this.mongo = mongo;
        this.sources = sources;
        this.clock = clock;
        this.reading = new PeriodicPass("Outbox gauges", interval, () -> readAll().thenReturn(false));
        sources.forEach(source -> readings.put(source.collection(), Reading.NONE));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxSource source : sources) {
            String collection = source.collection();
            Gauge.builder(BACKLOG, readings, all -> all.get(collection).backlog())
                    .description("Documents whose outbox holds events not yet published").tag("collection", collection)
                    .register(registry);
            Gauge.builder(AGE, readings, all -> all.get(collection).ageSeconds())
                    .description("How long the oldest unpublished event of the collection has waited")
                    .tag("collection", collection).baseUnit("seconds").register(registry);
        }
    }

    /** Reads every collection once; emits when done. */
    Mono<Void> readAll() {
        return Flux.fromIterable(sources).concatMap(source -> read(source.collection())).then();
    }

    private Mono<Void> read(String collection) {
        Query waiting = new Query(where("outboxSince").exists(true));
        Query oldest = new Query(where("outboxSince").exists(true)).with(Sort.by("outboxSince")).limit(1);
        oldest.fields().include("outboxSince");
        return mongo.count(waiting, collection)
                .zipWith(mongo.findOne(oldest, org.bson.Document.class, collection)
                        .mapNotNull(document -> document.get("outboxSince", Date.class))
                        .map(Date::toInstant)
                        .map(since -> Duration.between(since, clock.instant()))
                        .defaultIfEmpty(Duration.ZERO))
                .doOnNext(read -> readings.put(collection, new Reading(read.getT1(), read.getT2())))
                .then();
    }

    @Override
    public void start() {
        reading.start();
    }

    @Override
    public void stop() {
        reading.stop();
    }

    @Override
    public boolean isRunning() {
        return reading.isRunning();
    }

    /** One collection's last reading. */
    private record Reading(long backlog, Duration age) {

        static final Reading NONE = new Reading(0, Duration.ZERO);

        double ageSeconds() {
            return age.isNegative() ? 0 : age.toMillis() / 1000.0;
        }
    }
}
