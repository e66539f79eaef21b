package closedloop.platform.deadletter;

import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.web.Problems;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The dead letters of this service's consumer groups and what operators decide about them. A replay sends the
 * original record (its topic, partition, key, body and headers, without the dead-letter ones) back to its topic,
 * marked for the group that failed ({@link EventReceiver#REPLAY_FOR}): the other groups of the topic skip it, and the
 * failing group reads it again in its partition's order on whichever instance owns the partition. A discard records
 * why. Each decision is stored with who made it and when, once per dead letter.
 */
public class DeadLetterBox {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBox.class);
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final String WRAPPER_SAYS = "threw exception; ";

    private final DeadLetterReader reader;
    private final KafkaTemplate<String, String> kafka;
    private final ReactiveMongoTemplate mongo;
    private final Set<String> groups;
    private final Clock clock;

    /**
     * @param groups this service's consumer groups: the dead letters of other services' groups are theirs
     */
    public DeadLetterBox(DeadLetterReader reader, KafkaTemplate<String, String> kafka, ReactiveMongoTemplate mongo,
                         Collection<String> groups, Clock clock) {
        this.reader = reader;
        this.kafka = kafka;
        this.mongo = mongo;
        this.groups = Set.copyOf(groups);
        this.clock = clock;
    }

    /** This service's dead letters, oldest first per dead-letter partition; each filter is optional. */
    public Mono<List<DeadLetter>> list(String topic, String group, DeadLetterState state) {
        return read(topic, group).map(letters -> letters.stream()
                .map(letter -> view(letter.record(), letter.decision()))
                .filter(letter -> state == null || letter.state() == state)
                .toList());
    }

    /** One dead letter of this service's, or 404. */
    public Mono<DeadLetter> find(String id) {
        return record(id).flatMap(record -> decisions(List.of(id)).map(decided -> view(record, decided.get(id))));
    }

    /** Sends an open dead letter back to the group that failed on it; 409 once it was replayed or discarded. */
    public Mono<DeadLetter> replay(String id, String actor) {
        return record(id).flatMap(record -> open(record, "replay").then(resend(record, actor)));
    }

    /**
     * Replays every open dead letter of this service's that the filters select, from one reading of the dead-letter
     * topics; one decided by someone else meanwhile is left as they decided. Emits how many it replayed.
     */
    public Mono<Integer> replayAll(String topic, String group, String actor) {
        return read(topic, group)
                .flatMapMany(Flux::fromIterable)
                .filter(letter -> letter.decision() == null)
                .concatMap(letter -> resend(letter.record(), actor)
                        .onErrorResume(IllegalTransition.class, decidedMeanwhile -> Mono.empty()))
                .count().map(Long::intValue);
    }

    /** Gives an open dead letter up, with the reason; 409 once it was replayed or discarded. */
    public Mono<DeadLetter> discard(String id, String actor, String reason) {
        return record(id).flatMap(record -> open(record, "discard")
                .then(decide(record, DeadLetterState.DISCARDED, actor, reason)));
    }

    /** This service's dead letters that the filters select, each with its decision (null while open). */
    private Mono<List<Read>> read(String topic, String group) {
        return Mono.fromCallable(reader::all).subscribeOn(Schedulers.boundedElastic())
                .map(records -> records.stream().filter(this::ours)
                        .filter(record -> topic == null || topic.equals(originalTopic(record)))
                        .filter(record -> group == null
                                || group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                        .toList())
                .flatMap(records -> decisions(records.stream().map(DeadLetterBox::id).toList())
                        .map(decided -> records.stream().map(record -> new Read(record, decided.get(id(record))))
                                .toList()));
    }

    /** Sends the record back to its topic for the group that failed on it, and records the replay. */
    private Mono<DeadLetter> resend(ConsumerRecord<String, String> record, String actor) {
        return Mono.fromFuture(() -> kafka.send(original(record)))
                .then(decide(record, DeadLetterState.REPLAYED, actor, null));
    }

    private Mono<ConsumerRecord<String, String>> record(String id) {
        return Mono.fromCallable(() -> DeadLetterId.parse(id)
                        .flatMap(place -> reader.at(place.topic(), place.partition(), place.offset()))
                        .filter(this::ours))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("dead letter", id)));
    }

    private Mono<Void> open(ConsumerRecord<String, String> record, String action) {
        return decisions(List.of(id(record))).flatMap(decided -> {
            DeadLetterDecision decision = decided.get(id(record));
            return decision == null ? Mono.<Void>empty()
                    : Mono.error(new IllegalTransition("dead letter", action, decision.state(), List.of()));
        });
    }

    private Mono<DeadLetter> decide(ConsumerRecord<String, String> record, DeadLetterState state, String actor,
                                    String reason) {
        DeadLetterDecision decision = new DeadLetterDecision(id(record), state, actor, clock.instant(), reason);
        return mongo.insert(decision)
                // another decision was stored first: say which, as for one found before
                .onErrorResume(DuplicateKeyException.class, taken -> open(record,
                        state == DeadLetterState.REPLAYED ? "replay" : "discard").then(Mono.<DeadLetterDecision>error(taken)))
                .doOnNext(stored -> log.info("Dead letter {} ({} of {}) {} by {}{}", stored.deadLetterId(),
                        originalTopic(record), header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                        state.name().toLowerCase(), actor, reason == null ? "" : ": " + reason))
                .map(stored -> view(record, stored));
    }

    private Mono<Map<String, DeadLetterDecision>> decisions(List<String> ids) {
        return mongo.find(new Query(where("_id").in(ids)), DeadLetterDecision.class)
                .collectMap(DeadLetterDecision::deadLetterId, Function.identity());
    }

    private boolean ours(ConsumerRecord<String, String> record) {
        String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group != null && groups.contains(group);
    }

    /** The record as it was before it failed, marked for the group that failed on it. */
    private static ProducerRecord<String, String> original(ConsumerRecord<String, String> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(EventReceiver.REPLAY_FOR)) {
                headers.add(header);
            }
        }
        headers.add(EventReceiver.REPLAY_FOR, header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(originalTopic(record), originalPartition(record), record.key(), record.value(),
                headers);
    }

    private static DeadLetter view(ConsumerRecord<String, String> record, DeadLetterDecision decision) {
        String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String exception = cause != null ? cause : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = String.valueOf(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        // the listener container's wrapper says which method threw, then the failure's own message
        int own = message.indexOf(WRAPPER_SAYS);
        String reason = exception == null ? null
                : exception.substring(Math.max(exception.lastIndexOf('.'), exception.lastIndexOf('$')) + 1) + ": "
                + (own < 0 ? message : message.substring(own + WRAPPER_SAYS.length()));
        return new DeadLetter(id(record), originalTopic(record),
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), originalPartition(record),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), Instant.ofEpochMilli(record.timestamp()),
                record.key(), header(record, CloudEvents.TYPE), reason,
                decision == null ? DeadLetterState.OPEN : decision.state(), decision);
    }

    static String id(ConsumerRecord<String, String> record) {
        return new DeadLetterId(record.topic(), record.partition(), record.offset()).toString();
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String topic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return topic != null ? topic : record.topic().replaceFirst("\\.DLT$", "");
    }

    private static int originalPartition(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return header == null ? record.partition() : ByteBuffer.wrap(header.value()).getInt();
    }

    private static long number(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }

    /** A dead letter as read from its topic, with the decision about it (null while open). */
    private record Read(ConsumerRecord<String, String> record, DeadLetterDecision decision) {
    }

    /** Where a dead letter lies: {@code <dead-letter topic>-<partition>-<offset>}. */
    record DeadLetterId(String topic, int partition, long offset) {

        static Optional<DeadLetterId> parse(String id) {
            String[] parts = id.split("-");
            if (parts.length < 3) {
                return Optional.empty();
            }
            try {
                String topic = String.join("-", Arrays.copyOf(parts, parts.length - 2));
                return Optional.of(new DeadLetterId(topic, Integer.parseInt(parts[parts.length - 2]),
                        Long.parseLong(parts[parts.length - 1])));
            } catch (NumberFormatException notAnId) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "-" + offset;
        }
    }
}
