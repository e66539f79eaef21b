package closedloop.contracts;

/** What the customer said when called back after resolution. */
public enum CallbackOutcome {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, UNREACHABLE
}
