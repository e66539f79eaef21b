package closedloop.notification.message.delivery;

import closedloop.contracts.MessageFailed;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.notice.Audience;
import closedloop.notification.notice.Notices;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the supervisors of a message that FAILED, as the message matrix says: DELIVERY_FAILED on their live channel
 * ({@code supervisors}) and by mail to their configured addresses. It acts on the published {@link MessageFailed}
 * event, so an alert is never lost between the failure's write and the alert's; the alerts are caused by that event,
 * so they are recorded once however often it is delivered. An alert that fails itself raises no further alert.
 */
@Component
public class FailureAlerts {

    private final Notices notices;

    public FailureAlerts(Notices notices) {
        this.notices = notices;
    }

    /** Records the alerts about the failed message for delivery; nothing when it was an alert itself. */
    public Mono<Void> raise(MessageFailed failed) {
        if (Purpose.DELIVERY_FAILED.name().equals(failed.purpose())) {
            return Mono.empty();
        }
        return notices.send(failed.eventId(), failed.complaintId(), Purpose.DELIVERY_FAILED, Audience.supervisors(),
                variables(failed));
    }

    private static Map<String, Object> variables(MessageFailed failed) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("complaintId", failed.complaintId());
        variables.put("purpose", known(Purpose.values(), failed.purpose()));
        variables.put("channel", known(MessageChannel.values(), failed.channel()));
        variables.put("recipient", failed.recipient());
        variables.put("attempts", failed.attempts());
        variables.put("lastError", failed.lastError());
        return variables;
    }

    /** The constant of this name, so that it is told in the reader's words; the name itself for one this build lacks. */
    private static Object known(Enum<?>[] constants, String name) {
        return Arrays.stream(constants).filter(constant -> constant.name().equals(name)).findFirst()
                .<Object>map(constant -> constant).orElse(name);
    }
}
