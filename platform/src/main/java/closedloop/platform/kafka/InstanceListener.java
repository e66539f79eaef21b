package closedloop.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;

import java.util.Map;
import java.util.UUID;

/**
 * A Kafka listener that every instance of a service runs for itself: a consumer group of this instance alone (the
 * given name and a random suffix), so that each instance reads every partition, e.g. to feed the live streams of the
 * consoles connected to it. A subclass names the group with {@code groupId = "#{__listener.groupId}"} and usually
 * starts at the end of the topic ({@code properties = "auto.offset.reset=latest"}).
 */
public abstract class InstanceListener implements ConsumerSeekAware {

    private final String groupId;
    private volatile boolean listening;

    protected InstanceListener(String groupName) {
        this.groupId = groupName + "-" + UUID.randomUUID();
    }

    /** The positions are known by now: every record published from here on reaches this listener. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        listening = true;
    }

    /** This instance's own consumer group. */
    public String getGroupId() {
        return groupId;
    }

    /** Whether the listener has its partitions and reads from a known position. */
    public boolean isListening() {
        return listening;
    }
}
