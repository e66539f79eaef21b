package closedloop.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How topics are created and failed records retried.
 *
 * @param partitions          partitions per topic (and its dead-letter twin); clocks and consumers scale by them
 * @param replicationFactor   copies of each partition: 1 on the embedded default, 3 in production
 * @param minInsyncReplicas   copies a record must reach before the broker acknowledges it to a producer with
 *                            {@code acks=all} (every producer here): 1 on the embedded default, 2 in production, so
 *                            that one broker may fail without losing an acknowledged event or stopping the writes
 * @param instanceId          this instance's stable name (the pod's name on Kubernetes, the service's in
 *                            docker-compose), unset by default: when set, each listener joins its group as a static
 *                            member ({@link StaticMembership}), so a restart within the session timeout moves no
 *                            partition
 * @param retryBackoff        pause before a failed record's first retry; doubles each time
 * @param retryBackoffMax     the longest pause between two retries: a failure that passes (the store or the broker
 *                            away, an event that has not arrived yet) is retried at least this often for as long as it
 *                            lasts
 * @param relayInterval       how often the outbox relay looks for events left behind
 * @param writeTimeout        how long a listener waits for the writes of one event to be acknowledged
 * @param outboxGaugeInterval how often the outbox gauges (backlog, age of the oldest event) are read from the store
 */
@ConfigurationProperties("closedloop.kafka")
public record ClosedLoopKafkaProperties(@DefaultValue("3") int partitions,
                                        @DefaultValue("1") short replicationFactor,
                                        @DefaultValue("1") int minInsyncReplicas,
                                        String instanceId,
                                        @DefaultValue("200ms") Duration retryBackoff,
                                        @DefaultValue("30s") Duration retryBackoffMax,
                                        @DefaultValue("1s") Duration relayInterval,
                                        @DefaultValue("30s") Duration writeTimeout,
                                        @DefaultValue("15s") Duration outboxGaugeInterval) {
}
