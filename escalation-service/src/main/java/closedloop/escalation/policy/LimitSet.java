package closedloop.escalation.policy;

import closedloop.contracts.ClockKind;

import java.util.Objects;

/**
 * The three limits of a ticket, each counted from its dispatch.
 *
 * @param signFor      to sign for it (签收)
 * @param firstContact to reach the customer for the first time (首次联系)
 * @param resolve      to resolve it (办结)
 */
public record LimitSet(Limit signFor, Limit firstContact, Limit resolve) {

    public LimitSet {
        Objects.requireNonNull(signFor, "signFor");
        Objects.requireNonNull(firstContact, "firstContact");
        Objects.requireNonNull(resolve, "resolve");
    }

    /** The limit of a ticket clock; the OUTSIDE limit is the complaint's, not the ticket's. */
    public Limit of(ClockKind kind) {
        return switch (kind) {
            case SIGN_FOR -> signFor;
            case FIRST_CONTACT -> firstContact;
            case RESOLVE -> resolve;
            case OUTSIDE -> throw new IllegalArgumentException("The outside limit depends on the channel, not the ticket");
        };
    }
}
