package closedloop.escalation.whatif.messaging;

import closedloop.contracts.EventJson;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.Topics;
import closedloop.escalation.whatif.TicketHistories;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records the ticket events of {@code router.ticket} and {@code escalation.sla} into the complaints' ticket histories,
 * in a consumer group of its own ({@value #GROUP}), so that it reads every partition beside the SLA engine. The
 * offset is committed only after the write was acknowledged. A poison record is logged and skipped: each topic's main
 * consumer dead-letters it already.
 */
@Component
public class TicketHistoryListener extends TopicListener {

    /** The ticket histories' own consumer group. */
    public static final String GROUP = "escalation-service-history";

    private static final Logger log = LoggerFactory.getLogger(TicketHistoryListener.class);

    public TicketHistoryListener(EventReceiver receiver, TicketHistories histories) {
        super(receiver, (event, record) -> event instanceof TicketEvent ticketEvent
                ? histories.record(ticketEvent) : Mono.empty(), Topics.ROUTER_TICKET, Topics.ESCALATION_SLA);
        readInGroup(GROUP);
    }

    /** Logged and skipped: the topic's main consumer dead-letters it already. */
    @Override
    protected void onPoison(ConsumerRecord<String, String> record, EventJson.MalformedEventException poison) {
        log.warn("Ticket history skips a poison record at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), poison.getMessage());
    }
}
