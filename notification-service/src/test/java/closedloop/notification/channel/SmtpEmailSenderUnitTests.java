package closedloop.notification.channel;

import closedloop.testsupport.FreePorts;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.message.UndeliverableMessageException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail sender without Spring: a server that is down, and how the server's refusals are told apart. */
class SmtpEmailSenderUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void failsForNowWhenTheMailServerIsDown() {
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("localhost");
        down.setPort(FreePorts.next());
        down.getJavaMailProperties().put("mail.smtp.connectiontimeout", "1000");
        SmtpEmailSender sender = new SmtpEmailSender(down, new EmailProperties("closed-loop@localhost", "test"));

        StepVerifier.create(sender.deliver(mail("dispatch@lixia.example")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(MailSendException.class)
                        .isNotInstanceOf(UndeliverableMessageException.class))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void failsForGoodWhenAnAddressIsMalformedBeforeAnyServerIsAsked() {
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("localhost");
        down.setPort(FreePorts.next());
        SmtpEmailSender sender = new SmtpEmailSender(down, new EmailProperties("closed-loop@localhost", "test"));

        StepVerifier.create(sender.deliver(mail("dispatch@@lixia")))
                .expectError(UndeliverableMessageException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void takesARecipientRefusedWithA5xxAsPermanent() throws AddressException {
        InternetAddress address = new InternetAddress("gone@lixia.example");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(address, "RCPT TO", 550, "no such user");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused,
                new InternetAddress[0], new InternetAddress[0], new InternetAddress[]{address});

        assertThat(MailRefusals.isPermanent(sendFailure(failed))).isTrue();
    }

    @Test
    void takesARecipientRefusedWithA4xxAsTemporary() throws AddressException {
        InternetAddress address = new InternetAddress("busy@lixia.example");
        SMTPAddressFailedException later = new SMTPAddressFailedException(address, "RCPT TO", 450, "mailbox busy");
        SendFailedException failed = new SendFailedException("Temporary failure", later,
                new InternetAddress[0], new InternetAddress[]{address}, new InternetAddress[0]);

        assertThat(MailRefusals.isPermanent(sendFailure(failed))).isFalse();
    }

    @Test
    void takesContentRefusedWithA5xxAsPermanentAndWithA4xxAsTemporary() {
        SMTPSendFailedException rejected = new SMTPSendFailedException("DATA", 554, "message rejected", null,
                null, null, null);
        SMTPSendFailedException deferred = new SMTPSendFailedException("DATA", 451, "try again later", null,
                null, null, null);

        assertThat(MailRefusals.isPermanent(sendFailure(rejected))).isTrue();
        assertThat(MailRefusals.isPermanent(sendFailure(deferred))).isFalse();
    }

    @Test
    void takesARefusedSenderAsTemporaryBecauseItIsTheConfigurationNotTheMessage() throws AddressException {
        InternetAddress from = new InternetAddress("closed-loop@localhost");
        SMTPSenderFailedException sender = new SMTPSenderFailedException(from, "MAIL FROM", 553, "sender rejected");
        SMTPSendFailedException failed = new SMTPSendFailedException("MAIL FROM", 553, "sender rejected", sender,
                null, null, null);

        assertThat(MailRefusals.isPermanent(sendFailure(failed))).isFalse();
    }

    @Test
    void takesAnUnreachableServerAsTemporary() {
        MailSendException connection = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host"));

        assertThat(MailRefusals.isPermanent(connection)).isFalse();
    }

    static MailSendException sendFailure(Exception failure) {
        return new MailSendException(Map.of(new Object(), failure));
    }

    static Message mail(String recipient) {
        return Message.pending(new Outgoing(UUID.randomUUID(), "C-" + UUID.randomUUID(), Purpose.NEW_TICKET,
                RecipientKind.BRANCH, MessageChannel.EMAIL, recipient, "New ticket", "A new ticket is waiting."), NOW);
    }
}
