package closedloop.notification.callback;

import closedloop.notification.notice.CallbackSurvey;
import closedloop.notification.notice.WhoIsTold;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Texts the callback survey to the customer, as {@link WhoIsTold} says. The message's cause is the callback's
 * {@code CallbackSurveySent} event, so handing the same survey over again never sends a second one.
 */
@Component
@RequiredArgsConstructor
public class SurveySms {

    private final WhoIsTold whoIsTold;

    /**
     * Sends the survey of a callback in SURVEY_SENT. Nothing happens before subscription: a survey that cannot be
     * rendered is an error of the returned Mono, never a throw.
     */
    public Mono<Void> send(Callback callback) {
        return Mono.defer(() -> whoIsTold.surveySent(new CallbackSurvey(callback.surveySentEventId(),
                callback.complaintId(), callback.customer().complaintNumber(), callback.customer().phone(),
                callback.survey().replyCode(), callback.survey().replyBy())));
    }
}
