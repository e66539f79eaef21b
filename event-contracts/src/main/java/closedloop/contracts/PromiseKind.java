package closedloop.contracts;

/**
 * What a promise to the customer is (承诺): a refund, a double refund of an overcharge (双倍返还), a visit, a fix, a
 * call back at a time, or something else. Each kind has a default due time in escalation-service's settings.
 */
public enum PromiseKind {
    REFUND, DOUBLE_REFUND, VISIT, FIX, CALL_BACK, OTHER;

    /** Whether a promise of this kind names the sum of money it is about. */
    public boolean needsAmount() {
        return this == REFUND || this == DOUBLE_REFUND;
    }
}
