package closedloop.notification.channel;

import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a mail the server refuses for good (a malformed address, a recipient it rejects, a 5xx answer to the
 * recipients or the content) from one it cannot take for now (no connection, a 4xx answer), which is worth trying
 * again. A refused sender address is this service's configuration, not the message's fault: tried again.
 */
final class MailRefusals {

    private MailRefusals() {
    }

    /** Whether sending the same mail again cannot succeed. */
    static boolean isPermanent(Throwable failure) {
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return true;
        }
        if (failure instanceof MailSendException send) {
            return send.getFailedMessages().values().stream().anyMatch(MailRefusals::isPermanentRefusal)
                    || isPermanentRefusal(send.getCause());
        }
        return false;
    }

    private static boolean isPermanentRefusal(Throwable failure) {
        if (refusesTheSender(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SendFailedException sendFailed && hasAny(sendFailed.getInvalidAddresses())) {
                return true;
            }
            Integer code = returnCode(cause);
            if (code != null && code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    private static boolean refusesTheSender(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPSenderFailedException) {
                return true;
            }
        }
        return false;
    }

    private static Integer returnCode(Throwable failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return null;
    }

    /** The next cause; a JavaMail failure's cause is the next failure of its chain. */
    private static Throwable next(Throwable failure) {
        return failure.getCause() == failure ? null : failure.getCause();
    }

    private static boolean hasAny(Object[] addresses) {
        return addresses != null && addresses.length > 0;
    }
}
