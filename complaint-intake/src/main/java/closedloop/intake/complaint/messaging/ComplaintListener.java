package closedloop.intake.complaint.messaging;

import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Hands what the router, escalation and notification services tell about complaints
 * ({@value Topics#ROUTER_TICKET}, {@value Topics#ESCALATION_SLA}, {@value Topics#NOTIFICATION_CONTACT}) to
 * {@link ComplaintService#apply}, named by the service that told it. One listener on the three topics, named after
 * its domain: every event of them goes the same way, onto its complaint's timeline. The offset is committed only
 * after the complaint was saved.
 */
@Component
public class ComplaintListener extends TopicListener {

    private static final String SOURCE_PREFIX = "/closedloop/";

    public ComplaintListener(EventReceiver receiver, ComplaintService complaints) {
        super(receiver, (event, record) -> complaints.apply(event, producer(record)),
                Topics.ROUTER_TICKET, Topics.ESCALATION_SLA, Topics.NOTIFICATION_CONTACT);
    }

    /** The producing service, from the CloudEvents source {@code /closedloop/<service>}; else the topic. */
    private static String producer(ConsumerRecord<String, String> record) {
        String source = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
        if (source == null || source.isBlank()) {
            return record.topic();
        }
        return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
    }
}
