package closedloop.escalation.obligation;

/** Where an obligation stands: owed (OPEN), kept (FULFILLED), or released by a supervisor (WAIVED). */
public enum ObligationStatus {
    OPEN, FULFILLED, WAIVED
}
