package closedloop.contracts;

import java.util.List;

/** Topic names, {@code <producer>.<aggregate>}; every topic has a dead-letter twin ending in {@code .DLT}. */
public final class Topics {

    public static final String INTAKE_COMPLAINT = "intake.complaint";
    public static final String ROUTER_TICKET = "router.ticket";
    public static final String ESCALATION_SLA = "escalation.sla";
    public static final String NOTIFICATION_CONTACT = "notification.contact";

    public static final List<String> ALL = List.of(INTAKE_COMPLAINT, ROUTER_TICKET, ESCALATION_SLA, NOTIFICATION_CONTACT);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
