package closedloop.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;

import java.util.Map;

/**
 * A Kafka listener that every instance of a service runs for itself, e.g. to feed the live streams of the consoles
 * connected to it: it reads every partition of its topic, from the end, with no consumer group. Nothing of it outlives
 * the instance: it commits no offset, neither in a group of its own nor in the service's, and leaves no group behind
 * on the broker. A subclass listens with
 * {@code @KafkaListener(topics = …, containerFactory = InstanceListener.CONTAINER_FACTORY)}; the
 * {@link InstanceListenerContainerFactory} behind that name assigns it the partitions.
 */
public abstract class InstanceListener implements ConsumerSeekAware {

    /** The name of the container factory every instance-wide feed listens with. */
    public static final String CONTAINER_FACTORY = "instanceListenerContainerFactory";

    private final String name;
    private volatile boolean listening;

    /** @param name what the feed is, e.g. {@code notification-service-live}: its consumer's client id on the broker */
    protected InstanceListener(String name) {
        this.name = name;
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
