package closedloop.router.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static closedloop.router.routing.TicketStatus.ACCEPTED;
import static closedloop.router.routing.TicketStatus.ASSIGNED;
import static closedloop.router.routing.TicketStatus.IN_PROGRESS;
import static closedloop.router.routing.TicketStatus.WAITING_ON_CUSTOMER;

/**
 * What is done to a ticket, with the statuses it is allowed in and the status it leads to ({@code null}: the status
 * stays). Together with {@link TicketStatus} this is the ticket's state machine. The label is the last segment of
 * the action's HTTP path, {@code POST /api/v1/tickets/{id}/<label>}.
 */
public enum TicketAction {

    /** Sign for (签收): the branch takes the ticket on. */
    ACCEPT("accept", ACCEPTED, EnumSet.of(ASSIGNED)),

    /** Name the person who handles it. */
    HANDLER("handler", IN_PROGRESS, EnumSet.of(ACCEPTED, IN_PROGRESS, WAITING_ON_CUSTOMER)),

    /** A progress note; the status stays. */
    NOTES("notes", null, EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS, WAITING_ON_CUSTOMER)),

    /** The branch reached the customer for the first time (首次联系). */
    FIRST_CONTACT("first-contact", IN_PROGRESS, EnumSet.of(ACCEPTED, IN_PROGRESS, WAITING_ON_CUSTOMER)),

    /** Ask for more time (延期); the status stays, supervisors decide. */
    EXTENSION("extension", null, EnumSet.of(ACCEPTED, IN_PROGRESS)),

    /** Wait on the customer; the clocks pause. */
    WAIT("wait", WAITING_ON_CUSTOMER, EnumSet.of(ACCEPTED, IN_PROGRESS)),

    /** The wait is over. */
    RESUME("resume", IN_PROGRESS, EnumSet.of(WAITING_ON_CUSTOMER)),

    /** Resolve (办结): what was done, why it happened, who is responsible. */
    RESOLVE("resolve", TicketStatus.RESOLVED, EnumSet.of(ACCEPTED, IN_PROGRESS)),

    /** Give it back (退单) before working on it; the complaint is routed elsewhere. */
    RETURN("return", TicketStatus.RETURNED, EnumSet.of(ASSIGNED, ACCEPTED)),

    /** The dispatch desk routes a ticket it holds by hand; only at the dispatch desk. */
    DISPATCH("dispatch", TicketStatus.TRANSFERRED, EnumSet.of(ASSIGNED)),

    /** The dispatch desk moves an open ticket to another branch. */
    TRANSFER("transfer", TicketStatus.TRANSFERRED, EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS, WAITING_ON_CUSTOMER));

    private final String label;
    private final TicketStatus target;
    private final Set<TicketStatus> sources;

    TicketAction(String label, TicketStatus target, Set<TicketStatus> sources) {
        this.label = label;
        this.target = target;
        this.sources = sources;
    }

    /** The status a ticket is in after this action; {@code null} when the action leaves the status as it is. */
    public TicketStatus target() {
        return target;
    }

    /** Whether this action is allowed on a ticket in the given status. */
    public boolean allowedIn(TicketStatus status) {
        return sources.contains(status);
    }

    /** The action's name in the API and the history, e.g. {@code accept}, {@code first-contact}. */
    public String label() {
        return label;
    }

    /** The labels of the actions, in their order: what an answer or a console shows. */
    public static List<String> labels(List<TicketAction> actions) {
        return actions.stream().map(TicketAction::label).toList();
    }
}
