package closedloop.platform.deadletter;

/** Where a dead letter stands: waiting for an operator, applied again, or given up on with a reason. */
public enum DeadLetterState {
    OPEN, REPLAYED, DISCARDED
}
