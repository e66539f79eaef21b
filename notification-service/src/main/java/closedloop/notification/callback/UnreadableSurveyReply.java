package closedloop.notification.callback;

/** The customer's text is not a survey reply this service can read; the message says why. */
public class UnreadableSurveyReply extends RuntimeException {

    public UnreadableSurveyReply(String message) {
        super(message);
    }
}
