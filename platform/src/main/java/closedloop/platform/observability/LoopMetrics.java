package closedloop.platform.observability;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketWarned;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The loop's story as counters, counted once where it is told: when the relay has published the event that says it
 * happened, in the service that owns it. Tags are what a dashboard groups by (channel, category, branch, clock,
 * level, outcome); never a person, a phone number or a complaint id. An event published again after a relay died
 * before marking it sent is counted again: the counters are for rates and trends, the events are the record.
 * <p>
 * In Prometheus the counters are {@code closedloop_complaints_registered_total}, {@code closedloop_tickets_total},
 * {@code closedloop_sla_warnings_total}, {@code closedloop_sla_escalations_total},
 * {@code closedloop_callbacks_completed_total} and {@code closedloop_messages_failed_total} (docs/observability.md).
 */
public class LoopMetrics implements Consumer<OutgoingEvent> {

    public static final String COMPLAINTS_REGISTERED = "closedloop.complaints.registered";
    public static final String TICKETS = "closedloop.tickets";
    public static final String WARNINGS = "closedloop.sla.warnings";
    public static final String ESCALATIONS = "closedloop.sla.escalations";
    public static final String CALLBACKS_COMPLETED = "closedloop.callbacks.completed";
    public static final String MESSAGES_FAILED = "closedloop.messages.failed";

    /** The ticket events counted, with the {@code action} tag each gets. */
    private static final Map<EventType, String> TICKET_ACTIONS = Map.of(
            EventType.TICKET_ASSIGNED, "opened",
            EventType.TICKET_ACCEPTED, "signed-for",
            EventType.TICKET_RESOLVED, "resolved",
            EventType.TICKET_RETURNED, "returned");

    private final MeterRegistry registry;

    public LoopMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an event the relay published, if it is one the loop's story tells. */
    @Override
    public void accept(OutgoingEvent published) {
        EventType.byId(published.type())
                .filter(LoopMetrics::counted)
                .map(type -> EventJson.read(type, published.payload()))
                .ifPresent(this::count);
    }

    private static boolean counted(EventType type) {
        return TICKET_ACTIONS.containsKey(type) || switch (type) {
            case COMPLAINT_REGISTERED, TICKET_WARNED, TICKET_ESCALATED, CALLBACK_COMPLETED, MESSAGE_FAILED -> true;
            default -> false;
        };
    }

    void count(ClosedLoopEvent event) {
        if (event instanceof ComplaintRegistered registered) {
            counter(COMPLAINTS_REGISTERED, "Complaints registered",
                    "channel", name(registered.channel()), "category", name(registered.category())).increment();
        } else if (event instanceof TicketAssigned assigned) {
            ticket(EventType.TICKET_ASSIGNED, assigned.branch());
        } else if (event instanceof TicketAccepted accepted) {
            ticket(EventType.TICKET_ACCEPTED, accepted.branch());
        } else if (event instanceof TicketResolved resolved) {
            ticket(EventType.TICKET_RESOLVED, resolved.branch());
        } else if (event instanceof TicketReturned returned) {
            ticket(EventType.TICKET_RETURNED, returned.branch());
        } else if (event instanceof TicketWarned warned) {
            counter(WARNINGS, "Warnings: 75 % of a time limit passed", "clock", name(warned.clock())).increment();
        } else if (event instanceof TicketEscalated escalated) {
            counter(ESCALATIONS, "Escalations by level and the clock that ran out",
                    "level", String.valueOf(escalated.level()), "clock", name(escalated.clock())).increment();
        } else if (event instanceof CallbackCompleted callback) {
            counter(CALLBACKS_COMPLETED, "Callbacks completed by outcome", "outcome", name(callback.outcome()))
                    .increment();
        } else if (event instanceof MessageFailed failed) {
            messagesFailed(registry, failed.channel()).increment();
        }
    }

    /**
     * The counter of messages given up on after their last attempt, on one channel ({@code SMS}, {@code EMAIL},
     * {@code LIVE}); notification-service registers one per channel at start, so that the series exist at zero.
     */
    public static Counter messagesFailed(MeterRegistry registry, String channel) {
        return Counter.builder(MESSAGES_FAILED).description("Messages given up on after their last delivery attempt")
                .tag("channel", channel).register(registry);
    }

    private void ticket(EventType type, String branch) {
        counter(TICKETS, "Tickets opened, signed for, resolved and returned, by branch",
                "action", TICKET_ACTIONS.get(type), "branch", branch == null ? "none" : branch).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static String name(Enum<?> value) {
        return value == null ? "none" : value.name();
    }
}
