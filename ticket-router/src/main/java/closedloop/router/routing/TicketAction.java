package closedloop.router.routing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a branch does to a ticket, with the statuses it is allowed in and the status it leads to. Together with
 * {@link TicketStatus} this is the ticket's state machine.
 */
public enum TicketAction {

    /** Sign for (签收): the branch takes the ticket on. */
    ACCEPT(TicketStatus.ACCEPTED, EnumSet.of(TicketStatus.ASSIGNED)),

    /** Resolve (办结): the branch fixed it and says what it did. */
    RESOLVE(TicketStatus.RESOLVED, EnumSet.of(TicketStatus.ACCEPTED));

    private final TicketStatus target;
    private final Set<TicketStatus> sources;

    TicketAction(TicketStatus target, Set<TicketStatus> sources) {
        this.target = target;
        this.sources = sources;
    }

    /** The status a ticket is in after this action. */
    public TicketStatus target() {
        return target;
    }

    /** Whether this action is allowed on a ticket in the given status. */
    public boolean allowedIn(TicketStatus status) {
        return sources.contains(status);
    }

    /** The action's name in the API and the history, e.g. {@code accept}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
