package closedloop.notification.callback;

import closedloop.notification.message.Purpose;
import closedloop.notification.notice.Audience;
import closedloop.notification.notice.Notices;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Texts the callback survey to the customer, as the message matrix says. The message's cause is the callback's
 * {@code CallbackSurveySent} event, so handing the same survey over again never sends a second one.
 */
@Component
public class SurveySms {

    private final Notices notices;

    public SurveySms(Notices notices) {
        this.notices = notices;
    }

    /**
     * Sends the survey of a callback in SURVEY_SENT, with variables {@code number} (the complaint's), {@code replyCode}
     * and {@code replyBy}. Nothing happens before subscription: a survey that cannot be rendered is an error of the
     * returned Mono, never a throw.
     */
    public Mono<Void> send(Callback callback) {
        return Mono.defer(() -> notices.send(callback.surveySentEventId(), callback.complaintId(),
                Purpose.CALLBACK_SURVEY, Audience.customer(callback.customerPhone()),
                Map.of("number", callback.complaintNumber(), "replyCode", callback.replyCode(),
                        "replyBy", callback.replyBy())));
    }
}
