package closedloop.escalation.sla;

/** An approval would break the extension rules: too many extensions, or a deadline too early or too late. */
public class ExtensionOutOfLimits extends RuntimeException {

    ExtensionOutOfLimits(String message) {
        super(message);
    }
}
