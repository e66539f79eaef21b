package closedloop.contracts;

/**
 * The time limits a ticket is held against: signing for it (签收), first contact with the customer (首次联系) and
 * resolution (办结), each from dispatch; and the complaint's OUTSIDE limit, the reply a regulator or the consumer
 * association (12315) expects from registration.
 */
public enum ClockKind {
    SIGN_FOR, FIRST_CONTACT, RESOLVE, OUTSIDE
}
