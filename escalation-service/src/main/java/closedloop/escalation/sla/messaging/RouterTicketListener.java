package closedloop.escalation.sla.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.sla.CaseUpdates;
import closedloop.escalation.sla.PartitionClocks;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Hands the events of {@value Topics#ROUTER_TICKET} to the SLA cases, with the partition each came from, and hands the
 * clocks over with the partitions assigned to this instance: on assignment their due cases are loaded onto the clock
 * board ({@link PartitionClocks}, retried until it succeeds), on revocation they are dropped. The offset is committed
 * only after the case write was acknowledged; a poison record goes to the dead-letter topic (the platform's error
 * handler).
 */
@Component
public class RouterTicketListener extends TopicListener implements ConsumerSeekAware {

    private final PartitionClocks clocks;

    public RouterTicketListener(EventReceiver receiver, CaseUpdates updates, PartitionClocks clocks) {
        super(receiver, (event, record) -> updates.apply(event, record.partition()), Topics.ROUTER_TICKET);
        this.clocks = clocks;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        clocks.assigned(partitionsOf(assignments.keySet()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        clocks.revoked(partitionsOf(partitions));
    }

    private static List<Integer> partitionsOf(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(Topics.ROUTER_TICKET))
                .map(TopicPartition::partition).toList();
    }
}
