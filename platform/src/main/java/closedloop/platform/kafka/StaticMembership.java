package closedloop.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Makes each listener a static member of its consumer group (KIP-345) when the instance has a stable name
 * ({@code closedloop.kafka.instance-id}: the pod's name on Kubernetes, the service's name in docker-compose): its
 * {@code group.instance.id} is that name and the listener's id. An instance that restarts within the group's session
 * timeout gets its partitions back without a rebalance, so the other instances keep theirs and their clocks stay
 * loaded. Spring Kafka appends {@code -<n>} for each consumer of a concurrent container.
 */
public class StaticMembership implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final String instanceId;

    public StaticMembership(String instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        container.getContainerProperties().getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberId(container.getListenerId()));
    }

    /** The static member id of a listener of this instance. */
    String memberId(String listenerId) {
        return instanceId + "-" + listenerId;
    }
}
