package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.notification.message.Purpose;
import closedloop.notification.notice.Audience;
import closedloop.notification.notice.Notices;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the supervisors of a message that FAILED, as the message matrix says: DELIVERY_FAILED on their live channel
 * ({@code supervisors}) and by mail to their configured addresses. The alerts are messages like any other, caused by
 * the failed message's {@code MessageFailed} event, so they are recorded once however often this runs. An alert that
 * fails itself raises no further alert.
 */
@Component
public class FailureAlerts {

    private final Notices notices;

    public FailureAlerts(Notices notices) {
        this.notices = notices;
    }

    /** Records the alerts about the failed message for delivery; nothing when it was an alert itself. */
    public Mono<Void> raise(Message failed) {
        if (failed.purpose() == Purpose.DELIVERY_FAILED) {
            return Mono.empty();
        }
        return notices.send(failed.failureEventId(), failed.complaintId(), Purpose.DELIVERY_FAILED,
                Audience.supervisors(), variables(failed));
    }

    private static Map<String, Object> variables(Message failed) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("complaintId", failed.complaintId());
        variables.put("purpose", failed.purpose());
        variables.put("channel", failed.channel());
        variables.put("recipient", failed.recipient());
        variables.put("attempts", failed.attempts());
        variables.put("lastError", failed.lastError());
        return variables;
    }
}
