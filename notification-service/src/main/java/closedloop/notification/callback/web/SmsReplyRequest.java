package closedloop.notification.callback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An SMS the gateway forwards from a customer.
 *
 * @param from the customer's phone number, with or without +86
 * @param text what they typed
 */
public record SmsReplyRequest(@NotBlank @Size(max = 32) String from, @NotBlank @Size(max = 1000) String text) {
}
