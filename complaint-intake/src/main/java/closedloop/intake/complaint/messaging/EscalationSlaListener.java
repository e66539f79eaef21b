package closedloop.intake.complaint.messaging;

import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.kafka.EventReceiver;
import org.springframework.stereotype.Component;

/** Puts what {@value Topics#ESCALATION_SLA} tells about a complaint on its timeline ({@link ComplaintListener}). */
@Component
public class EscalationSlaListener extends ComplaintListener {

    public EscalationSlaListener(EventReceiver receiver, ComplaintService complaints) {
        super(receiver, complaints, Topics.ESCALATION_SLA);
    }
}
