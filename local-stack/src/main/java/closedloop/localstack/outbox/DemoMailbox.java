package closedloop.localstack.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) on a loopback port that accepts every mail for every address and keeps it in memory,
 * and reads back what it received.
 */
public final class DemoMailbox implements AutoCloseable {

    private final GreenMail greenMail;

    private DemoMailbox(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
    }

    /** Starts the SMTP server; port 0 picks a free one. */
    public static DemoMailbox start(int port) {
        return new DemoMailbox(port);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * The mails received, newest first. A mail to several addresses is stored once per mailbox and shown once.
     */
    public List<ReceivedMail> messages() {
        Map<String, ReceivedMail> byMessageId = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                byMessageId.putIfAbsent(Optional.ofNullable(message.getMessageID()).orElse("#" + byMessageId.size()),
                        read(message));
            } catch (MessagingException e) {
                throw new IllegalStateException("Reading a received mail failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<ReceivedMail> newestFirst = new ArrayList<>(byMessageId.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static ReceivedMail read(MimeMessage message) throws MessagingException, IOException {
        Date received = Optional.ofNullable(message.getReceivedDate()).orElse(message.getSentDate());
        return new ReceivedMail(addresses(message.getFrom()).stream().findFirst().orElse(null),
                addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                text(message).orElse(""), received == null ? null : received.toInstant());
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet
                        ? internet.toUnicodeString() : address.toString())
                .toList();
    }

    /** The plain text of a part: itself, or the first plain (else HTML) text inside a multipart. */
    private static Optional<String> text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            return Optional.of(part.getContent().toString());
        }
        if (part.getContent() instanceof Multipart multipart) {
            Optional<String> html = Optional.empty();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> text = text(child);
                if (text.isPresent() && !child.isMimeType("text/html")) {
                    return text;
                }
                html = html.or(() -> text);
            }
            return html;
        }
        return Optional.empty();
    }
}
