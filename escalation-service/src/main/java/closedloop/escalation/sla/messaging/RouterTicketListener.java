package closedloop.escalation.sla.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.sla.CaseUpdates;
import closedloop.escalation.sla.PartitionClocks;
import closedloop.platform.kafka.EventReceiver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Hands the events of {@value Topics#ROUTER_TICKET} to the SLA cases, with the partition each came from, and hands the
 * clocks over with the partitions assigned to this instance: on assignment their due cases are loaded onto the clock
 * board before any of their records is processed, on revocation they are dropped. The offset is committed only after
 * the case write was acknowledged; a poison record goes to the dead-letter topic (the platform's error handler).
 */
@Component
public class RouterTicketListener implements ConsumerSeekAware {

    private final EventReceiver receiver;
    private final CaseUpdates updates;
    private final PartitionClocks clocks;

    public RouterTicketListener(EventReceiver receiver, CaseUpdates updates, PartitionClocks clocks) {
        this.receiver = receiver;
        this.updates = updates;
        this.clocks = clocks;
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    void on(ConsumerRecord<String, String> record) {
        receiver.receive(record, event -> updates.apply(event, record.partition()));
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
