package closedloop.contracts;

/** Why the problem happened, as found by the branch that resolved it (the root cause of the three principles). */
public enum RootCause {
    BILLING_SYSTEM, NETWORK_FAULT, EQUIPMENT, STAFF_CONDUCT, PROCESS, THIRD_PARTY, CUSTOMER_SIDE, OTHER
}
