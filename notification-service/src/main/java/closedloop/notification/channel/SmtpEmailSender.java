package closedloop.notification.channel;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import closedloop.notification.message.UndeliverableMessageException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import lombok.RequiredArgsConstructor;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mails messages through the SMTP server ({@code spring.mail.*}): one mail to the message's comma-separated
 * addresses, in UTF-8, with a {@code Message-ID} made of the message's id so that a mail sent twice is recognisable.
 * The mail server is called on the bounded-elastic scheduler, since JavaMail blocks. An address the server refuses
 * for good fails as {@link UndeliverableMessageException}; a server that cannot be reached or refuses for now fails
 * as a plain error, to be tried again.
 */
@Component
@RequiredArgsConstructor
public class SmtpEmailSender implements MessageSender {

    private final JavaMailSender mail;
    private final EmailProperties properties;

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        return Mono.fromRunnable(() -> send(message))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(MailRefusals::isPermanent,
                        refused -> new UndeliverableMessageException("The mail server refuses message "
                                + message.id() + " to " + message.recipient() + ": " + refused.getMessage(), refused))
                .then();
    }

    /** {@code <message id@host>}: the same for every attempt at the same message. */
    public String messageIdOf(Message message) {
        return "<" + message.id() + "@" + properties.messageIdHost() + ">";
    }

    private void send(Message message) throws MailException {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(recipients(message));
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.text());
            mime.setHeader("Message-ID", messageIdOf(message));
        } catch (MessagingException malformed) {
            throw new MailParseException(malformed);
        }
        mail.send(mime);
    }

    private static String[] recipients(Message message) {
        return Arrays.stream(message.recipient().split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .toArray(String[]::new);
    }
}
