package closedloop.platform.deadletter;

import closedloop.platform.PlatformAutoConfiguration;
import closedloop.platform.kafka.ClosedLoopKafkaProperties;
import closedloop.platform.kafka.TopicListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The dead letters of a service's consumer groups, where it has listeners and a store. */
@AutoConfiguration(after = {PlatformAutoConfiguration.class, KafkaAutoConfiguration.class,
        MongoReactiveDataAutoConfiguration.class})
@ConditionalOnBean({TopicListener.class, ReactiveMongoTemplate.class})
public class DeadLetterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterBox deadLetterBox(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, String> kafka,
                                ReactiveMongoTemplate mongo, List<TopicListener> listeners,
                                ClosedLoopKafkaProperties properties, Clock clock,
                                @Value("${spring.kafka.consumer.group-id}") String serviceGroup) {
        Set<String> groups = new TreeSet<>();
        listeners.forEach(listener -> groups.add(listener.getGroupId() == null ? serviceGroup : listener.getGroupId()));
        return new DeadLetterBox(new DeadLetterReader(consumers, properties.partitions()), kafka, mongo, groups, clock);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnMissingBean
    DeadLetterController deadLetterController(DeadLetterBox box) {
        return new DeadLetterController(box);
    }
}
