package closedloop.escalation.league.messaging;

import closedloop.contracts.EventJson;
import closedloop.contracts.Topics;
import closedloop.escalation.league.LeagueFacts;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands the events of the four topics to the league's facts, in a consumer group of its own ({@value #GROUP}), so
 * that it reads every partition of {@code router.ticket} beside the SLA engine's listener instead of splitting them
 * with it. The offset is committed only after the fact write was acknowledged; a failing write is retried and then
 * dead-lettered by the platform's error handler.
 * <p>
 * A poison record (no type, or a body that does not fit it) is logged and skipped here, not dead-lettered: each
 * topic's main consumer (the SLA engine for {@code router.ticket}, the other services for their input topics) puts it
 * on the topic's {@code .DLT} already, and a second copy there would only mislead whoever replays it.
 */
@Component
public class LeagueListener extends TopicListener {

    /** The league's own consumer group. */
    public static final String GROUP = "escalation-service-league";

    private static final Logger log = LoggerFactory.getLogger(LeagueListener.class);

    public LeagueListener(EventReceiver receiver, LeagueFacts facts) {
        super(receiver, (event, record) -> facts.apply(event), Topics.ROUTER_TICKET, Topics.ESCALATION_SLA,
                Topics.INTAKE_COMPLAINT, Topics.NOTIFICATION_CONTACT);
        readInGroup(GROUP);
    }

    /** Logged and skipped: the topic's main consumer dead-letters it already (see above). */
    @Override
    protected void onPoison(ConsumerRecord<String, String> record, EventJson.MalformedEventException poison) {
        log.warn("League skips a poison record at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), poison.getMessage());
    }
}
