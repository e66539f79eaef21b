package closedloop.escalation.supervision;

/** Where an office-meeting (办公会) item stands: OPEN on the agenda, DECIDED by the meeting, DONE when resolved. */
public enum AgendaStatus {
    OPEN, DECIDED, DONE
}
