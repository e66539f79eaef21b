package closedloop.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How topics are created and failed records retried.
 *
 * @param partitions        partitions per topic (and its dead-letter twin); clocks and consumers scale by them
 * @param replicationFactor copies of each partition: 1 on the embedded default, 3 in production
 * @param retries           attempts after the first before a record goes to its {@code .DLT}
 * @param retryBackoff      pause before the first retry; doubles each time
 * @param relayInterval     how often the outbox relay looks for events left behind
 * @param writeTimeout      how long a listener waits for the writes of one event to be acknowledged
 * @param outboxGaugeInterval how often the outbox gauges (backlog, age of the oldest event) are read from the store
 */
@ConfigurationProperties("closedloop.kafka")
public record ClosedLoopKafkaProperties(@DefaultValue("3") int partitions,
                                        @DefaultValue("1") short replicationFactor,
                                        @DefaultValue("3") int retries,
                                        @DefaultValue("200ms") Duration retryBackoff,
                                        @DefaultValue("1s") Duration relayInterval,
                                        @DefaultValue("30s") Duration writeTimeout,
                                        @DefaultValue("15s") Duration outboxGaugeInterval) {
}
