package closedloop.escalation.obligation.messaging;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventJson;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.Topics;
import closedloop.escalation.obligation.Obligations;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the promises of newly registered complaints as obligations, and which branch owes them, in a consumer group
 * of its own ({@value #GROUP}). The offset is committed after the write was acknowledged; a poison record is logged and
 * skipped, since each topic's main consumer dead-letters it already.
 */
@Component
public class ObligationListener extends TopicListener {

    /** The obligations' own consumer group. */
    public static final String GROUP = "escalation-service-obligations";

    private static final Logger log = LoggerFactory.getLogger(ObligationListener.class);

    public ObligationListener(EventReceiver receiver, Obligations obligations) {
        super(receiver, EventHandlers.of(ComplaintRegistered.class, obligations::promised)
                .and(TicketAssigned.class, obligations::dispatched), Topics.INTAKE_COMPLAINT, Topics.ROUTER_TICKET);
        readInGroup(GROUP);
    }

    /** Logged and skipped: the topic's main consumer dead-letters it already. */
    @Override
    protected void onPoison(ConsumerRecord<String, String> record, EventJson.MalformedEventException poison) {
        log.warn("Obligations skip a poison record at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), poison.getMessage());
    }
}
