package closedloop.platform.kafka;

import closedloop.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * A service's listener on one or more topics: a subclass names the topics and its {@link EventHandler} (usually
 * {@link EventHandlers}, one handler per event type) and nothing else. Every record is received the one way
 * {@link EventReceiver} knows; a subclass lives in {@code <service>.<domain>.messaging} and is named after the topic it
 * reads ({@code intake.complaint} → {@code IntakeComplaintListener}), or after its domain when it reads several.
 * <pre>{@code
 * @Component
 * public class IntakeComplaintListener extends TopicListener {
 *     public IntakeComplaintListener(EventReceiver receiver, TicketService tickets) {
 *         super(receiver, EventHandlers.of(ComplaintRegistered.class, tickets::route), Topics.INTAKE_COMPLAINT);
 *     }
 * }
 * }</pre>
 */
public abstract class TopicListener {

    private final EventReceiver receiver;
    private final EventHandler handler;
    private final List<String> topics;
    private String groupId;

    protected TopicListener(EventReceiver receiver, EventHandler handler, String... topics) {
        this.receiver = receiver;
        this.handler = handler;
        this.topics = List.of(topics);
    }

    /** Reads in a consumer group of its own, so that it gets every partition's share next to the service's group. */
    protected final void readInGroup(String ownGroupId) {
        this.groupId = ownGroupId;
    }

    /** The topics it reads, for {@code @KafkaListener}. */
    public List<String> getTopics() {
        return topics;
    }

    /** Its own consumer group, or null for the service's ({@code spring.kafka.consumer.group-id}). */
    public String getGroupId() {
        return groupId;
    }

    /** Its listener id, its class's simple name: stable from one start to the next, as a static member needs. */
    public String getListenerId() {
        return getClass().getSimpleName();
    }

    /** Receives one record; the offset is committed after the handler's writes were acknowledged. */
    @KafkaListener(id = "#{__listener.listenerId}", idIsGroup = false, topics = "#{__listener.topics}",
            groupId = "#{__listener.groupId}")
    public void on(ConsumerRecord<String, String> record) {
        try {
            receiver.receive(record, handler);
        } catch (EventJson.MalformedEventException poison) {
            onPoison(record, poison);
        }
    }

    /** A record that is not a readable event: by default it goes on to the dead-letter topic (the error handler). */
    protected void onPoison(ConsumerRecord<String, String> record, EventJson.MalformedEventException poison) {
        throw poison;
    }
}
