package closedloop.platform.kafka;

import io.micrometer.common.KeyValues;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.ListenerLowCardinalityTags;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.TopicPartitionOffset.SeekPosition;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * Builds the containers of the instance-wide feeds ({@link InstanceListener}). A feed's consumer is assigned every
 * partition of the topics it names, by hand, and starts at their end; it has no {@code group.id}, so it never joins a
 * consumer group and commits no offset (Spring Kafka's container commits nothing for a manual assignment without a
 * group): when the instance stops, nothing of the feed is left on the broker. The partitions are the ones the platform
 * creates every topic with ({@code closedloop.kafka.partitions}), so building the container asks nothing of the broker
 * and a service starts while its broker is away, as its other listeners do. A record a feed cannot handle is logged
 * and skipped, never retried or dead-lettered: a live feed has no use for an old record, and the service's own
 * listeners handle the failures that matter.
 */
public class InstanceListenerContainerFactory extends ConcurrentKafkaListenerContainerFactory<String, String> {

    private static final Logger log = LoggerFactory.getLogger(InstanceListenerContainerFactory.class);

    /**
     * A feed's records are observed with the consumer group tag of the service's listeners, {@code none}: Prometheus
     * keeps a meter only if every meter of its name has the same tag keys.
     */
    private static final KafkaListenerObservationConvention WITHOUT_GROUP = new DefaultKafkaListenerObservationConvention() {
        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
            KeyValues values = super.getLowCardinalityKeyValues(context);
            return context.getGroupId() == null
                    ? values.and(ListenerLowCardinalityTags.MESSAGING_CONSUMER_GROUP.asString(), "none")
                    : values;
        }
    };

    private final int partitions;

    /**
     * @param consumers  the service's consumer factory, whose settings a feed takes without its consumer group
     * @param partitions how many partitions every topic has
     * @param observed   whether each record is observed (traced), as the service's other listeners are
     */
    public InstanceListenerContainerFactory(ConsumerFactory<?, ?> consumers, int partitions, boolean observed) {
        this.partitions = partitions;
        getContainerProperties().setObservationEnabled(observed);
        getContainerProperties().setObservationConvention(WITHOUT_GROUP);
        setConsumerFactory(new DefaultKafkaConsumerFactory<>(withoutGroup(consumers.getConfigurationProperties())));
        // there is nothing to acknowledge: no group keeps the feed's offsets
        getContainerProperties().setAckMode(AckMode.MANUAL);
        setCommonErrorHandler(new DefaultErrorHandler((record, failure) -> log.debug("Feed skips {}-{}@{}: {}",
                record.topic(), record.partition(), record.offset(), failure.toString()), new FixedBackOff(0, 0)));
    }

    /** Every partition of the endpoint's topics, each from its end; refuses a consumer group. */
    @Override
    protected ConcurrentMessageListenerContainer<String, String> createContainerInstance(KafkaListenerEndpoint endpoint) {
        InstanceListener feed = feed(endpoint);
        Properties overrides = endpoint.getConsumerProperties();
        if (StringUtils.hasText(endpoint.getGroupId())
                || overrides != null && overrides.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            throw new IllegalStateException("An instance-wide feed has no consumer group: remove the groupId of "
                    + feed.getClass().getName());
        }
        if (endpoint.getTopics().isEmpty()) {
            throw new IllegalStateException("An instance-wide feed names its topics: " + feed.getClass().getName());
        }
        TopicPartitionOffset[] fromTheEnd = endpoint.getTopics().stream()
                .flatMap(topic -> IntStream.range(0, partitions)
                        .mapToObj(partition -> new TopicPartitionOffset(topic, partition, SeekPosition.END)))
                .toArray(TopicPartitionOffset[]::new);
        ContainerProperties properties = new ContainerProperties(fromTheEnd);
        properties.setObservationEnabled(getContainerProperties().isObservationEnabled());
        return new ConcurrentMessageListenerContainer<>(getConsumerFactory(), properties);
    }

    /** Names the feed's consumer after the feed, unless its listener gives a client id prefix. */
    @Override
    protected void initializeContainer(ConcurrentMessageListenerContainer<String, String> instance,
                                       KafkaListenerEndpoint endpoint) {
        super.initializeContainer(instance, endpoint);
        ContainerProperties properties = instance.getContainerProperties();
        if (!StringUtils.hasText(properties.getClientId())) {
            properties.setClientId(feed(endpoint).getName());
        }
    }

    private static InstanceListener feed(KafkaListenerEndpoint endpoint) {
        if (endpoint instanceof MethodKafkaListenerEndpoint<?, ?> method
                && method.getBean() instanceof InstanceListener listener) {
            return listener;
        }
        throw new IllegalStateException("Only an InstanceListener listens with the container factory "
                + InstanceListener.CONTAINER_FACTORY + ", not " + endpoint.getId());
    }

    private static Map<String, Object> withoutGroup(Map<String, Object> configuration) {
        Map<String, Object> feed = new HashMap<>(configuration);
        feed.remove(ConsumerConfig.GROUP_ID_CONFIG);
        feed.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        feed.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        feed.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return feed;
    }
}
