package closedloop.notification.callback;

/**
 * No survey awaits a reply with this code from this phone number. Its message names neither: the code is the
 * customer's secret and never goes back out.
 */
public class NoSurveyAwaitingReply extends RuntimeException {

    private final String replyCode;

    public NoSurveyAwaitingReply(String replyCode) {
        super("No callback survey awaits a reply with this code from this phone number");
        this.replyCode = replyCode;
    }

    /** The code the reply named. */
    public String replyCode() {
        return replyCode;
    }
}
