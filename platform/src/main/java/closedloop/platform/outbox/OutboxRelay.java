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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishes the events waiting in the outboxes of the given collections to Kafka with the idempotent producer
 * (acks=all), then removes them from their documents. It runs when nudged after a save and on a fixed interval for
 * whatever a crash left behind.
 * <p>
 * Several instances of a service run a relay each over the same collections. So that they do not publish the same
 * outbox twice, a relay first claims the documents of a batch for a short lease (one conditional update for the
 * batch) and publishes only what it claimed. A relay that dies mid-batch leaves its claims to expire; another one then
 * publishes them again, and consumers ignore the repeat by event id, as after any crash between publishing and
 * removing.
 */
public class OutboxRelay implements SmartLifecycle {

    /** How long a claimed batch stays this relay's before another may publish it. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final String CLAIM = "outboxClaim";
    private static final String CLAIM_TOKEN = CLAIM + ".token";
    private static final String CLAIM_UNTIL = CLAIM + ".until";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxSource> sources;
    private final String cloudEventsSource;
    private final int batchSize;
    private final PeriodicPass loop;
    private final Clock leaseClock;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxSource> sources,
                       String cloudEventsSource, Duration pollInterval, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sources = sources;
        this.cloudEventsSource = cloudEventsSource;
        this.batchSize = batchSize;
        this.leaseClock = Clock.systemUTC();
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
        return claimBatch(collection)
                .flatMap(claim -> mongo.find(new Query(where("_id").in(claim.ids()).and(CLAIM_TOKEN).is(claim.token())),
                        PendingOutbox.class, collection).collectList())
                .filter(documents -> !documents.isEmpty())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(documents -> publish(documents)
                        .then(Flux.fromIterable(documents).concatMap(document -> markSent(document, collection)).then())
                        .thenReturn(documents.size()))
                .defaultIfEmpty(0);
    }

    /**
     * Claims up to a batch of documents with pending events that no other relay holds a live lease on; emits nothing
     * when there are none. The lease is wall-clock time: it is about processes, not about business time.
     */
    private Mono<Claim> claimBatch(String collection) {
        Instant now = leaseClock.instant();
        Query pending = new Query(where("outboxSince").exists(true)
                .orOperator(where(CLAIM).exists(false), where(CLAIM).is(null), where(CLAIM_UNTIL).lt(now)))
                .limit(batchSize);
        pending.fields().include("_id");
        Claim claim = new Claim(UUID.randomUUID().toString(), new ArrayList<>());
        return mongo.find(pending, org.bson.Document.class, collection)
                .map(document -> document.get("_id"))
                .collectList()
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> {
                    Query unclaimed = new Query(where("_id").in(ids)
                            .orOperator(where(CLAIM).exists(false), where(CLAIM).is(null), where(CLAIM_UNTIL).lt(now)));
                    Update lease = new Update().set(CLAIM, new org.bson.Document("token", claim.token())
                            .append("until", Date.from(now.plus(LEASE))));
                    claim.ids().addAll(ids);
                    return mongo.updateMulti(unclaimed, lease, collection);
                })
                .filter(result -> result.getModifiedCount() > 0)
                .map(result -> claim);
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
        return mongo.updateFirst(byId, pull.unset(CLAIM), collection)
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

    /** A batch of documents this relay holds the lease on, by the token it wrote into them. */
    private record Claim(String token, List<Object> ids) {
    }

    /** The part of an outbox document the relay reads. */
    record PendingOutbox(@Id String id, List<OutgoingEvent> outbox) {
    }
}
