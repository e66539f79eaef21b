package closedloop.notification.template;

import closedloop.notification.message.RecipientKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Locale;

/**
 * The languages messages are written in, per kind of recipient ({@code zh-CN} or {@code en}).
 *
 * @param customer the language of the messages to customers
 * @param staff    the language of the messages to branches and supervisors
 */
@ConfigurationProperties("closedloop.notification.language")
public record TemplateLanguages(@DefaultValue("zh-CN") Locale customer, @DefaultValue("zh-CN") Locale staff) {

    /** The language the recipient kind reads. */
    public Locale of(RecipientKind recipientKind) {
        return recipientKind == RecipientKind.CUSTOMER ? customer : staff;
    }
}
