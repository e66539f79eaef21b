package closedloop.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

import java.util.List;
import java.util.Map;

/**
 * A Kafka listener that every instance of a service runs for itself, e.g. to feed the live streams of the consoles
 * connected to it: it reads every partition of its topic, from the end, with no consumer group. Nothing of it outlives
 * the instance: it commits no offset, neither in a group of its own nor in the service's, and leaves no group behind
 * on the broker. A subclass names the feed, its handler and its topics, as a {@link TopicListener} does; the
 * {@link InstanceListenerContainerFactory} assigns it the partitions and skips a record the handler cannot take.
 */
public abstract class InstanceListener implements ConsumerSeekAware {

    /** The name of the container factory every instance-wide feed listens with. */
    public static final String CONTAINER_FACTORY = "instanceListenerContainerFactory";

    private final String name;
    private final EventReceiver receiver;
    private final EventHandler handler;
    private final List<String> topics;
    private volatile boolean listening;

    /**
     * @param name    what the feed is, e.g. {@code notification-service-live}: its consumer's client id on the broker
     * @param handler what the feed does with each event, e.g. stream it to the consoles connected to this instance
     * @param topics  the topics it reads, every partition of each
     */
    protected InstanceListener(String name, EventReceiver receiver, EventHandler handler, String... topics) {
        this.name = name;
        this.receiver = receiver;
        this.handler = handler;
        this.topics = List.of(topics);
    }

    /** The topics it reads, for {@code @KafkaListener}. */
    public List<String> getTopics() {
        return topics;
    }

    /** Receives one record of the feed. */
    @KafkaListener(topics = "#{__listener.topics}", containerFactory = CONTAINER_FACTORY)
    public void on(ConsumerRecord<String, String> record) {
        receiver.receive(record, handler);
    }

    /** The positions are known by now: every record published from here on reaches this listener. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        listening = true;
    }

    /** What the feed is; its consumer's client id on the broker. */
    public String getName() {
        return name;
    }

    /** Whether the listener has its partitions and reads from a known position. */
    public boolean isListening() {
        return listening;
    }
}
