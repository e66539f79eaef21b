package closedloop.escalation.supervision;

import java.util.List;

/**
 * Where an alert stands: OPEN when raised, ACKNOWLEDGED once a supervisor took it on, CLEARED when its ticket was
 * resolved or its complaint closed. OPEN and ACKNOWLEDGED alerts are both still open: the problem is there until
 * it is cleared.
 */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, CLEARED;

    /** The statuses of an alert whose problem is still there. */
    public static final List<AlertStatus> UNCLEARED = List.of(OPEN, ACKNOWLEDGED);
}
