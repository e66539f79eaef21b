package closedloop.notification.template;

import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The message templates. PLACEHOLDER until the zh-CN and en templates land: it lists the variables it was given.
 */
@Component
public class MessageTemplates {

    /** Renders the template for the purpose, recipient kind and channel in the recipient kind's language. */
    public RenderedText render(Purpose purpose, RecipientKind recipientKind, MessageChannel channel,
                               Map<String, ?> variables) {
        String text = purpose + " " + new TreeMap<>(variables);
        return new RenderedText(channel == MessageChannel.EMAIL ? purpose.name() : null, text);
    }
}
