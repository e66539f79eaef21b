package closedloop.notification.callback;

import closedloop.notification.NotificationProperties;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.template.MessageTemplates;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Texts the callback survey to the customer. The message's cause is the callback's {@code CallbackSurveySent} event,
 * so handing the same survey over again never sends a second one.
 */
@Component
public class SurveySms {

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messenger messenger;
    private final MessageTemplates templates;
    private final NotificationProperties properties;

    public SurveySms(Messenger messenger, MessageTemplates templates, NotificationProperties properties) {
        this.messenger = messenger;
        this.templates = templates;
        this.properties = properties;
    }

    /**
     * Sends the survey of a callback in SURVEY_SENT, with variables {@code number} (the complaint's), {@code replyCode}
     * and {@code replyBy} (the operator's wall-clock time, {@code yyyy-MM-dd HH:mm}). Nothing happens before
     * subscription: a survey that cannot be rendered is an error of the returned Mono, never a throw.
     */
    public Mono<Void> send(Callback callback) {
        return Mono.defer(() -> {
            String text = templates.render(Purpose.CALLBACK_SURVEY, RecipientKind.CUSTOMER, MessageChannel.SMS,
                    Map.of("number", callback.complaintNumber(),
                            "replyCode", callback.replyCode(),
                            "replyBy", WALL_CLOCK.format(callback.replyBy().atZone(properties.zone())))).text();
            return messenger.send(new Outgoing(callback.surveySentEventId(), callback.complaintId(),
                    Purpose.CALLBACK_SURVEY, RecipientKind.CUSTOMER, MessageChannel.SMS, callback.customerPhone(),
                    null, text));
        });
    }
}
