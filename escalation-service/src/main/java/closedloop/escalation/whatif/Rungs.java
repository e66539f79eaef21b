package closedloop.escalation.whatif;

import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketWarned;

import java.util.HashSet;
import java.util.Set;

/**
 * Which of a complaint's tickets reached which rung of the escalation ladder: warned (催办), level 1 (督办), level 2
 * (办公会). A ticket counts once per rung however many of its clocks reached it.
 */
public record Rungs(Set<String> warned, Set<String> level1, Set<String> level2) {

    public Rungs {
        warned = Set.copyOf(warned);
        level1 = Set.copyOf(level1);
        level2 = Set.copyOf(level2);
    }

    /** The rungs these events tell of (warnings and escalations; any other event is not a rung). */
    public static Rungs of(Iterable<? extends TicketEvent> events) {
        Set<String> warned = new HashSet<>();
        Set<String> level1 = new HashSet<>();
        Set<String> level2 = new HashSet<>();
        for (TicketEvent event : events) {
            if (event instanceof TicketWarned) {
                warned.add(event.ticketId());
            } else if (event instanceof TicketEscalated escalated) {
                (escalated.level() == 1 ? level1 : level2).add(event.ticketId());
            }
        }
        return new Rungs(warned, level1, level2);
    }
}
