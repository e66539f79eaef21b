package closedloop.platform.outbox;

import closedloop.platform.PeriodicPass;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import closedloop.platform.observability.TraceParents;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
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
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Publishes the events waiting in the outboxes of the given collections to Kafka with the idempotent producer
 * (acks=all), then removes them from their documents. A service nudges it with the documents it just saved, which it
 * looks up by {@code _id} and publishes at once; on a fixed interval a second loop sweeps each collection for pending
 * outboxes ({@code outboxSince}, a sparse index) to publish whatever a crash left behind, so that a slow sweep never
 * holds up what was just saved.
 * <p>
 * Several instances of a service run a relay each over the same collections. So that they do not publish the same
 * outbox twice, a relay first claims the documents of a batch for a lease (one conditional update for the
 * batch) and publishes only what it claimed. The lease outlasts the producer's delivery timeout, so that it never runs
 * out while the producer may still be sending the batch. A relay that dies mid-batch leaves its claims to expire
 * (2.5 minutes with Kafka's default timeout); another one then publishes them again, and consumers ignore the repeat
 * by event id, as after any crash between publishing and removing. An instance with a stable name
 * ({@code closedloop.kafka.instance-id}, unique per instance as static membership requires) signs its claims with
 * that name and the run they were made in: when it restarts after a crash it takes back what its earlier run had
 * claimed at once, without waiting for the lease, since that run is known to be dead.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * How much longer than the producer's {@code delivery.timeout.ms} a claimed batch stays this relay's before another
     * may publish it: a send can be retried by the producer for that long, and the lease must not run out while it
     * is, or a second relay would publish the batch again beside it.
     */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** Kafka's default {@code delivery.timeout.ms}, for a producer configured without one. */
    private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    private static final String CLAIM = "outboxClaim";
    private static final String CLAIM_TOKEN = CLAIM + ".token";
    private static final String CLAIM_UNTIL = CLAIM + ".until";
    private static final String CLAIM_HOLDER = CLAIM + ".holder";
    private static final String CLAIM_RUN = CLAIM + ".run";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxSource> sources;
    private final String cloudEventsSource;
    private final int batchSize;
    private final PeriodicPass publishing;
    private final PeriodicPass sweeping;
    private final Clock leaseClock;
    private final Consumer<OutgoingEvent> published;
    private final Map<String, Set<Object>> saved = new ConcurrentHashMap<>();
    private final Duration lease;
    /** This instance's stable name, or null where it has none. */
    private final String holder;
    /** This run of the instance: claims its name signed in another run are an earlier, dead run's. */
    private final String run = UUID.randomUUID().toString();

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxSource> sources,
                       String cloudEventsSource, Duration pollInterval, int batchSize) {
        this(mongo, kafka, sources, cloudEventsSource, pollInterval, batchSize, null, event -> { });
    }

    /**
     * @param instanceId this instance's stable name, unique among the instances sharing the store, or null where it
     *                   has none (its claims are then only ever freed by their lease running out)
     * @param published  told of every event the broker acknowledged, e.g. to count it; a relay that dies before it
     *                   marks the event sent publishes it again, and tells it again
     */
    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxSource> sources,
                       String cloudEventsSource, Duration pollInterval, int batchSize, String instanceId,
                       Consumer<OutgoingEvent> published) {
        this.mongo = mongo;
        this.holder = instanceId == null || instanceId.isBlank() ? null : instanceId;
        this.kafka = kafka;
        this.sources = sources;
        this.published = published;
        this.cloudEventsSource = cloudEventsSource;
        this.batchSize = batchSize;
        this.leaseClock = Clock.systemUTC();
        this.lease = lease(kafka);
        this.publishing = new PeriodicPass("Outbox relay pass", pollInterval,
                () -> relaySaved().map(relayed -> saved.values().stream().anyMatch(ids -> !ids.isEmpty())));
        this.sweeping = new PeriodicPass("Outbox sweep", pollInterval,
                () -> relayPending().map(relayed -> relayed >= batchSize));
    }

    /** Asks the relay to sweep every outbox collection now rather than at the next interval. */
    public void nudge() {
        sweeping.nudge();
    }

    /** Asks the relay to publish the outbox of a document just saved, now; it is looked up by {@code _id}. */
    public void nudge(OutboxDocument document) {
        nudge(List.of(document));
    }

    /**
     * Asks the relay to publish the outboxes of documents just saved, now; they are looked up by {@code _id}, so no
     * search runs, however many documents their collection holds.
     */
    public void nudge(Collection<? extends OutboxDocument> documents) {
        boolean any = false;
        for (OutboxDocument document : documents) {
            if (!document.pendingEvents().isEmpty()) {
                MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                        .getRequiredPersistentEntity(document.getClass());
                Object id = mongo.getConverter().convertToMongoType(
                        entity.getIdentifierAccessor(document).getRequiredIdentifier());
                saved.computeIfAbsent(entity.getCollection(), collection -> ConcurrentHashMap.newKeySet()).add(id);
                any = true;
            }
        }
        if (any) {
            publishing.nudge();
        }
    }

    /** One sweep over every outbox collection; emits how many documents it relayed. */
    public Mono<Integer> relayPending() {
        return Flux.fromIterable(sources)
                .concatMap(source -> pendingIds(source.collection())
                        .flatMap(ids -> relay(source.collection(), ids))
                        .defaultIfEmpty(0))
                .reduce(0, Integer::sum);
    }

    /** Relays up to a batch of the documents nudged with, per collection; emits how many documents it relayed. */
    private Mono<Integer> relaySaved() {
        return Flux.fromIterable(saved.entrySet())
                .concatMap(entry -> {
                    List<Object> ids = new ArrayList<>();
                    Iterator<Object> waiting = entry.getValue().iterator();
                    while (ids.size() < batchSize && waiting.hasNext()) {
                        ids.add(waiting.next());
                        waiting.remove();
                    }
                    return ids.isEmpty() ? Mono.just(0) : relay(entry.getKey(), ids);
                })
                .reduce(0, Integer::sum);
    }

    /** The ids of up to a batch of documents with pending events and no live lease; emits nothing when none. */
    private Mono<List<Object>> pendingIds(String collection) {
        Query pending = new Query(where("outboxSince").exists(true).orOperator(claimable(leaseClock.instant())))
                .limit(batchSize);
        pending.fields().include("_id");
        return mongo.find(pending, org.bson.Document.class, collection)
                .map(document -> document.get("_id"))
                .collectList()
                .filter(ids -> !ids.isEmpty());
    }

    /**
     * Claims, publishes and marks sent the outboxes of these documents; emits how many it relayed. A batch it could
     * not publish (the broker away) is released at once, so that the next pass tries it again instead of waiting for
     * the lease to run out; what was published of it is published again, and consumers ignore the repeats.
     */
    private Mono<Integer> relay(String collection, List<Object> ids) {
        return claim(collection, ids)
                .flatMap(claim -> mongo.find(new Query(where("_id").in(ids).and(CLAIM_TOKEN).is(claim.token())),
                                PendingOutbox.class, collection).collectList()
                        .filter(documents -> !documents.isEmpty())
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(documents -> publish(documents)
                                .then(markSent(documents, collection))
                                .thenReturn(documents.size()))
                        .onErrorResume(failure -> release(collection, ids, claim).then(Mono.error(failure))))
                .defaultIfEmpty(0);
    }

    /** Drops this relay's lease on the documents of a batch it could not publish. */
    private Mono<Void> release(String collection, List<Object> ids, Claim claim) {
        return mongo.updateMulti(new Query(where("_id").in(ids).and(CLAIM_TOKEN).is(claim.token())),
                        new Update().unset(CLAIM), collection)
                .then()
                .onErrorResume(failure -> {
                    log.warn("Could not release the claim on {} documents of {}; it runs out in {}: {}", ids.size(),
                            collection, lease, failure.toString());
                    return Mono.empty();
                });
    }

    /**
     * Claims those of these documents that have pending events and no live lease held by another relay (one
     * conditional update); emits nothing when there are none. The lease is wall-clock time: it is about processes, not
     * about business time.
     */
    private Mono<Claim> claim(String collection, List<Object> ids) {
        Instant now = leaseClock.instant();
        Claim claim = new Claim(UUID.randomUUID().toString());
        Query claimable = new Query(where("_id").in(ids).and("outboxSince").exists(true).orOperator(claimable(now)));
        org.bson.Document signed = new org.bson.Document("token", claim.token()).append("until", Date.from(now.plus(lease)));
        if (holder != null) {
            signed.append("holder", holder).append("run", run);
        }
        Update claimed = new Update().set(CLAIM, signed);
        return mongo.updateMulti(claimable, claimed, collection)
                .filter(result -> result.getModifiedCount() > 0)
                .map(result -> claim);
    }

    /** The producer's delivery timeout and a margin: how long a claim lasts. */
    static Duration lease(KafkaTemplate<String, String> kafka) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        Duration delivery = configured == null ? DEFAULT_DELIVERY_TIMEOUT
                : Duration.ofMillis(Long.parseLong(configured.toString()));
        return delivery.plus(LEASE_MARGIN);
    }

    /** Unclaimed, or the lease run out, or claimed by an earlier run of this instance. */
    private Criteria[] claimable(Instant now) {
        List<Criteria> free = new ArrayList<>(List.of(
                where(CLAIM).exists(false), where(CLAIM).is(null), where(CLAIM_UNTIL).lt(now)));
        if (holder != null) {
            free.add(where(CLAIM_HOLDER).is(holder).and(CLAIM_RUN).ne(run));
        }
        return free.toArray(Criteria[]::new);
    }

    private Mono<Void> publish(List<PendingOutbox> documents) {
        CompletableFuture<?>[] sends = documents.stream()
                .flatMap(document -> document.outbox().stream())
                .map(this::send)
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends));
    }

    /**
     * Sends one event in the trace of what caused it: the producer's span (and the {@code traceparent} header it
     * writes) is a child of the span that recorded the event, not the start of a trace of its own.
     */
    private CompletableFuture<?> send(OutgoingEvent event) {
        try (Scope cause = TraceParents.restore(event.traceparent())) {
            return kafka.send(CloudEvents.toRecord(event, cloudEventsSource)).thenAccept(result -> tell(event));
        }
    }

    /** Tells of a published event; what is told never makes the relay publish it again. */
    private void tell(OutgoingEvent event) {
        try {
            published.accept(event);
        } catch (RuntimeException e) {
            log.warn("Published event {} could not be told: {}", event.eventId(), e.toString());
        }
    }

    /**
     * Removes the published events from their documents and drops the lease, then unsets {@code outboxSince} where the
     * outbox is empty (an event recorded meanwhile keeps it): one ordered bulk write for the whole batch.
     */
    private Mono<Void> markSent(List<PendingOutbox> documents, String collection) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        for (PendingOutbox document : documents) {
            List<String> sent = document.outbox().stream().map(OutgoingEvent::eventId).toList();
            Update pull = new Update()
                    .pull("outbox", new org.bson.Document("eventId", new org.bson.Document("$in", sent)))
                    .unset(CLAIM);
            bulk.updateOne(new Query(where("_id").is(document.id())), pull);
            bulk.updateOne(new Query(where("_id").is(document.id()).and("outbox").size(0)),
                    new Update().unset("outboxSince"));
        }
        return bulk.execute().then();
    }

    @Override
    public void start() {
        publishing.start();
        sweeping.start();
    }

    @Override
    public void stop() {
        sweeping.stop();
        publishing.stop();
    }

    @Override
    public boolean isRunning() {
        return publishing.isRunning();
    }

    /** A batch of documents this relay holds the lease on, by the token it wrote into them. */
    private record Claim(String token) {
    }

    /** The part of an outbox document the relay reads. */
    record PendingOutbox(@Id String id, List<OutgoingEvent> outbox) {
    }
}
