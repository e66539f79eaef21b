package closedloop.notification.template.web;

import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.template.MessageMatrix;

import java.util.List;

/**
 * One cell of the message matrix as the API shows it.
 *
 * @param variables the names of the variables its template is filled with
 */
public record TemplateView(Purpose purpose, RecipientKind recipient, MessageChannel channel, List<String> variables) {

    static TemplateView of(MessageMatrix.Cell cell) {
        return new TemplateView(cell.purpose(), cell.recipientKind(), cell.channel(),
                MessageMatrix.variables(cell.purpose()));
    }
}
