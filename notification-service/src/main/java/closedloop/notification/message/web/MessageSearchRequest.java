package closedloop.notification.message.web;

import closedloop.notification.message.MessageStatus;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The filters of the message log, the body of {@code POST /api/v1/messages/_search}: at least one of complaintId,
 * recipient and status; every bad one reported together.
 *
 * @param recipient {@code branch:<code>}, {@code supervisors}, a mail address or a customer's phone, as recorded
 * @param page      the page, from 0 (default 0); a JSON number or a string
 * @param size      messages per page, 1 to 200 (default 50); a JSON number or a string
 */
public record MessageSearchRequest(@Size(max = 100) String complaintId,
                                   @Size(max = 320) String recipient,
                                   @OneOf(MessageStatus.class) String status,
                                   @Pattern(regexp = MessageController.PAGE, message = MessageController.PAGE_MESSAGE)
                                   String page,
                                   @Pattern(regexp = MessageController.SIZE, message = MessageController.SIZE_MESSAGE)
                                   String size) {

    /** Prints a phone recipient masked: Spring logs the bodies it reads at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
