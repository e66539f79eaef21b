package closedloop.intake.complaint.messaging;

import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What intake's three listeners share: each hands what one of the router, escalation and notification services tells
 * about complaints to {@link ComplaintService#apply}, named by the service that told it, onto its complaint's
 * timeline. One listener per topic, each its own consumer: a callback read before its ticket's resolution waits,
 * holding only notification.contact, while router.ticket brings the resolution (docs/architecture.md §9.9). The offset
 * is committed only after the complaint was saved.
 */
abstract class ComplaintListener extends TopicListener {

    private static final String SOURCE_PREFIX = "/closedloop/";

    ComplaintListener(EventReceiver receiver, ComplaintService complaints, String topic) {
        super(receiver, (event, record) -> complaints.apply(event, producer(record)), topic);
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
