package closedloop.contracts;

/** How one call of a callback (回访) went. */
public enum CallbackAttemptResult {
    /** nobody picked up */
    NO_ANSWER,
    /** the line was busy */
    BUSY,
    /** the number does not belong to the customer */
    WRONG_NUMBER,
    /** the customer answered: the survey follows */
    REACHED
}
