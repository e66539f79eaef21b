package closedloop.escalation.problem.messaging;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventJson;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.escalation.problem.ProblemDetector;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands registrations and resolutions to the problem detector, in a consumer group of its own ({@value #GROUP}). The
 * offset is committed after the writes were acknowledged; a poison record is logged and skipped, since each topic's
 * main consumer dead-letters it already.
 */
@Component
public class ProblemListener extends TopicListener {

    /** The problems' own consumer group. */
    public static final String GROUP = "escalation-service-problems";

    private static final Logger log = LoggerFactory.getLogger(ProblemListener.class);

    public ProblemListener(EventReceiver receiver, ProblemDetector detector) {
        super(receiver, EventHandlers.of(ComplaintRegistered.class, detector::registered)
                .and(TicketResolved.class, detector::resolved), Topics.INTAKE_COMPLAINT, Topics.ROUTER_TICKET);
        readInGroup(GROUP);
    }

    /** Logged and skipped: the topic's main consumer dead-letters it already. */
    @Override
    protected void onPoison(ConsumerRecord<String, String> record, EventJson.MalformedEventException poison) {
        log.warn("Problems skip a poison record at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), poison.getMessage());
    }
}
