package closedloop.platform.outbox;

import closedloop.platform.PeriodicPass;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishes the events waiting in the outboxes of the given collections to Kafka with the idempotent producer
 * (acks=all), then removes them from their documents. It runs when nudged after a save and on a fixed interval for
 * whatever a crash left behind. A crash between publishing and removing publishes again; consumers ignore the
 * repeat by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxSource> sources;
    private final String cloudEventsSource;
    private final int batchSize;
    private final PeriodicPass loop;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxSource> sources,
                       String cloudEventsSource, Duration pollInterval, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sources = sources;
        this.cloudEventsSource = cloudEventsSource;
        this.batchSize = batchSize;
        this.loop = new PeriodicPass("Outbox relay pass", pollInterval,
                () -> relayPending().map(relayed -> relayed >= batchSize));
    }

    /** Asks the relay to look at the outboxes now rather than at the next interval. */
    public void nudge() {
        loop.nudge();
    }

    /** One pass over every outbox collection; emits how many documents it relayed. */
    public Mono<Integer> relayPending() {
        return Flux.fromIterable(sources)
                .concatMap(source -> relayBatch(source.collection()))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> relayBatch(String collection) {
        Query pending = new Query(where("outboxSince").exists(true)).limit(batchSize);
        return mongo.find(pending, PendingOutbox.class, collection)
                .collectList()
                .filter(documents -> !documents.isEmpty())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(documents -> publish(documents)
                        .then(Flux.fromIterable(documents).concatMap(document -> markSent(document, collection)).then())
                        .thenReturn(documents.size()))
                .defaultIfEmpty(0);
    }

    private Mono<Void> publish(List<PendingOutbox> documents) {
        CompletableFuture<?>[] sends = documents.stream()
                .flatMap(document -> document.outbox().stream())
                .map(event -> kafka.send(CloudEvents.toRecord(event, cloudEventsSource)))
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends));
    }

    private Mono<Void> markSent(PendingOutbox document, String collection) {
        List<String> sent = document.outbox().stream().map(OutgoingEvent::eventId).toList();
        Query byId = new Query(where("_id").is(document.id()));
        Update pull = new Update().pull("outbox", new org.bson.Document("eventId", new org.bson.Document("$in", sent)));
        Query drained = new Query(where("_id").is(document.id()).and("outbox").size(0));
        return mongo.updateFirst(byId, pull, collection)
                .then(mongo.updateFirst(drained, new Update().unset("outboxSince"), collection))
                .then();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** The part of an outbox document the relay reads. */
    record PendingOutbox(@Id String id, List<OutgoingEvent> outbox) {
    }
}
