package closedloop.intake.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintService;
import closedloop.intake.complaint.ComplaintService.Applied;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Takes in what the router, escalation and notification services tell about complaints: each event goes onto its
 * complaint's timeline once, and the ticket and callback events move the complaint's status. The offset is committed
 * only after the complaint was saved.
 */
@Component
public class ComplaintEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEventsListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final String SOURCE_PREFIX = "/closedloop/";

    private final ComplaintService complaints;

    public ComplaintEventsListener(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @KafkaListener(topics = {Topics.ROUTER_TICKET, Topics.ESCALATION_SLA, Topics.NOTIFICATION_CONTACT})
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresentOrElse(
                event -> apply(event, producer(record)),
                () -> log.debug("Skipping {} of a type this build does not know",
                        CloudEvents.header(record.headers(), CloudEvents.TYPE)));
    }

    private void apply(ClosedLoopEvent event, String source) {
        Applied applied = complaints.apply(event, source).block(WRITE_TIMEOUT);
        if (applied == Applied.UNKNOWN_COMPLAINT) {
            log.warn("Skipping event {} from {}: no complaint {}", event.eventId(), source, event.complaintId());
        }
    }

    /** The producing service, from the CloudEvents source {@code /closedloop/<service>}. */
    private static String producer(ConsumerRecord<String, String> record) {
        String source = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
        if (source == null || source.isBlank()) {
            return record.topic();
        }
        return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
    }
}
