package closedloop.contracts;

/** How a problem (问题单) came to be opened. */
public enum ProblemOrigin {
    /** Complaints of one category in one district, or sharing a root cause, reached the threshold in the window. */
    DETECTED,
    /** A supervisor saw the complaints belong together and opened it by hand. */
    MANUAL
}
