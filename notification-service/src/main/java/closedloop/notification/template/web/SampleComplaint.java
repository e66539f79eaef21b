package closedloop.notification.template.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.Priority;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The variables of every purpose for one sample complaint, its deadlines counted from now. */
final class SampleComplaint {

    static final String NUMBER = "TS-20261122-000123";
    static final String COMPLAINT_ID = "7d4f3c2a-1b9e-4e8a-9c61-0f5b2d8e4a17";
    static final String TICKET_ID = "5f0c2b9e-7a41-4d3b-8e16-2c9d4f7a1b38";
    static final String BRANCH = "LIXIA-01";

    private SampleComplaint() {
    }

    /** The purpose's variables for the sample complaint. */
    static Map<String, ?> variables(Purpose purpose, Instant now) {
        Instant deadline = now.plus(Duration.ofHours(6));
        return switch (purpose) {
            case REGISTRATION_ACK -> Map.of("number", NUMBER, "replyWithin", Duration.ofHours(24));
            case EXTENSION_NOTICE -> Map.of("number", NUMBER, "deadline", now.plus(Duration.ofDays(2)));
            case RESOLUTION_NOTICE -> Map.of("number", NUMBER);
            case PROMISE_KEPT -> Map.of("number", NUMBER, "reference", "RF-20261122-0042");
            case PROBLEM_SOLVED -> Map.of("number", NUMBER,
                    "resolution", "The rating rule is corrected and every double charge refunded");
            case CLOSURE_NOTICE -> Map.of("number", NUMBER, "outcome", CallbackOutcome.SATISFIED);
            case CALLBACK_SURVEY -> Map.of("number", NUMBER, "replyCode", "4821",
                    "replyBy", now.plus(Duration.ofHours(72)));
            case NEW_TICKET -> Map.of("number", NUMBER, "ticketId", TICKET_ID, "category", Category.BILLING,
                    "priority", Priority.URGENT, "branch", BRANCH);
            case SLA_WARNING -> Map.of("number", NUMBER, "ticketId", TICKET_ID, "limit", ClockKind.RESOLVE,
                    "deadline", deadline);
            case ESCALATION_LEVEL_1 -> Map.of("number", NUMBER, "ticketId", TICKET_ID, "branch", BRANCH,
                    "limit", ClockKind.RESOLVE, "deadline", now, "reason", EscalationReason.LIMIT_PASSED);
            case ESCALATION_LEVEL_2 -> Map.of("number", NUMBER, "ticketId", TICKET_ID, "branch", BRANCH,
                    "limit", ClockKind.RESOLVE, "deadline", now.minus(Duration.ofHours(24)),
                    "reason", EscalationReason.LONG_PAST_LIMIT);
            case TICKET_REOPENED -> Map.of("number", NUMBER, "ticketId", TICKET_ID, "reopenCount", 1,
                    "priority", Priority.URGENT);
            case DELIVERY_FAILED -> Map.of("complaintId", COMPLAINT_ID, "purpose", Purpose.REGISTRATION_ACK,
                    "channel", MessageChannel.SMS, "recipient", "13800138000", "attempts", 5,
                    "lastError", "SMS gateway answered 503 Service Unavailable");
        };
    }
}
