package closedloop.notification.template.web;

import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;

/**
 * A template rendered for a sample complaint.
 *
 * @param language the language tag it is written in, {@code zh-CN} or {@code en}
 * @param subject  the mail's subject; null on the other channels
 */
public record PreviewView(Purpose purpose, RecipientKind recipient, MessageChannel channel, String language,
                          String subject, String text) {
}
