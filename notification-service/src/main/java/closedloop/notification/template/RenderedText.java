package closedloop.notification.template;

/**
 * A template filled in with its variables.
 *
 * @param subject the mail subject; null for SMS and live messages
 * @param text    the message's words
 */
public record RenderedText(String subject, String text) {
}
