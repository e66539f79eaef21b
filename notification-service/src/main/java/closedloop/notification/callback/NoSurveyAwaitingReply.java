package closedloop.notification.callback;

/** No survey awaits a reply with this code from this phone number. */
public class NoSurveyAwaitingReply extends RuntimeException {

    public NoSurveyAwaitingReply(String replyCode) {
        super("No callback survey awaits a reply with code " + replyCode + " from this phone number");
    }
}
