package closedloop.escalation.supervision;

/** What an alert is about, with the rung of the escalation ladder (docs/architecture.md §5) it stands for. */
public enum AlertKind {
    /** 75 % of a limit passed (催办). */
    WARNING(0),
    /** A limit passed: supervision (督办). */
    LEVEL_1(1),
    /** The office meeting (办公会) takes it up. */
    LEVEL_2(2),
    /** The deadline an office-meeting decision set passed with the complaint still open. */
    DECISION_OVERDUE(2),
    /**
     * Not a rung of the ladder: a message about the complaint could not be delivered (MessageFailed). Someone must
     * reach the person another way, so it stays until a supervisor acknowledges it, also once the complaint is closed.
     */
    DELIVERY_FAILED(0),
    /** Three quarters of the time to keep a promise to the customer passed (催办). */
    OBLIGATION_WARNING(0),
    /** A promise to the customer was not kept by its due time: supervision (督办). */
    OBLIGATION_BREACHED(1),
    /** Not a rung of the ladder: complaints were found to share a cause and a problem (问题单) was opened. */
    PROBLEM_OPENED(0),
    /** Three quarters of a corrective action's working time passed (催办). */
    ACTION_WARNING(0),
    /** A corrective action's due date passed: its problem goes to the office meeting (办公会). */
    ACTION_OVERDUE(2);

    private final int level;

    AlertKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /**
     * Whether an alert of this kind clears by itself when its ticket is resolved or its complaint closed; the others
     * (a failed delivery, a promise's, a problem's) stay until a supervisor acknowledges them.
     */
    public boolean clearsWhenSettled() {
        return this == WARNING || this == LEVEL_1 || this == LEVEL_2 || this == DECISION_OVERDUE;
    }

    /** The kind of an escalation to this level: level 2 and above is the office meeting. */
    public static AlertKind ofEscalation(int level) {
        return level >= 2 ? LEVEL_2 : LEVEL_1;
    }
}
